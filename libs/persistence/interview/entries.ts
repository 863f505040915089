import type { AgencyPresentation, SchedulableEntry, Zone } from '../../domain';
import { assignableEntries } from '../desk';
import { AgencyEntity, EntryEntity } from '../entities';
import type { Db } from '../shared/db';
import { advisoryLock, LockNamespace } from '../shared/locks';

/**
 * The cycle's active entries (or those named) with their agency's zone, the days it declared unavailable and, when
 * `presentationsOutside` is true, the interviews the agency already presents in other cycles.
 */
export async function schedulableEntries(
  db: Db,
  cycleId: string,
  entryIds?: string[],
  options: { presentationsOutside?: boolean } = {},
): Promise<SchedulableEntry[]> {
  const entries = await assignableEntries(db, cycleId, entryIds);
  const rows = await db.query<{ id: string; zone: Zone; days: string[] }[]>(
    `SELECT e.id, a.zone,
            coalesce((SELECT array_agg(to_char(d.day, 'YYYY-MM-DD') ORDER BY d.day) FROM interview_unavailable_days d
                       WHERE d.cycle_id = e.cycle_id AND d.agency_code = e.agency_code), '{}') AS days
       FROM entries e JOIN agencies a ON a.code = e.agency_code
      WHERE e.cycle_id = $1 AND ($2::uuid[] IS NULL AND e.status = 'active' OR e.id = ANY($2))`,
    [cycleId, entryIds ?? null],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const elsewhere = options.presentationsOutside
    ? await agencyPresentations(db, [...new Set(entries.map((entry) => entry.agencyCode))], { outsideCycle: cycleId })
    : new Map<string, AgencyPresentation[]>();
  return entries.map((entry) => ({
    ...entry,
    zone: byId.get(entry.id)!.zone,
    unavailableDays: byId.get(entry.id)!.days,
    ...(options.presentationsOutside ? { presentsElsewhere: elsewhere.get(entry.agencyCode) ?? [] } : {}),
  }));
}

/**
 * The interviews the agencies present: every live booking of their entries, in any cycle (or only outside one),
 * by agency. One agency cannot present twice at the same time, whatever cycle each entry is in.
 */
export async function agencyPresentations(
  db: Db,
  agencyCodes: string[],
  options: { outsideCycle?: string } = {},
): Promise<Map<string, AgencyPresentation[]>> {
  const rows = await db.query<(AgencyPresentation & { agencyCode: string })[]>(
    `SELECT e.agency_code AS "agencyCode", e.id AS "entryId", e.title, s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM interview_bookings b
       JOIN interview_slots s ON s.id = b.slot_id
       JOIN entries e ON e.id = b.entry_id
      WHERE b.released_at IS NULL AND e.agency_code = ANY($1::text[]) AND ($2::text IS NULL OR b.cycle_id <> $2)
      ORDER BY s.starts_at, e.id`,
    [agencyCodes, options.outsideCycle ?? null],
  );
  const byAgency = new Map<string, AgencyPresentation[]>();
  for (const { agencyCode, ...presentation } of rows) {
    byAgency.set(agencyCode, [...(byAgency.get(agencyCode) ?? []), presentation]);
  }
  return byAgency;
}

/** The entry and its agency; throws when either is missing. */
export async function entryWithAgency(db: Db, entryId: string): Promise<{ entry: EntryEntity; agency: AgencyEntity }> {
  const entry = await db.getRepository(EntryEntity).findOneByOrFail({ id: entryId });
  const agency = await db.getRepository(AgencyEntity).findOneByOrFail({ code: entry.agencyCode });
  return { entry, agency };
}

/** The zone each entry's agency reads times in. */
export async function agencyZonesOf(db: Db, entryIds: string[]): Promise<Map<string, Zone>> {
  if (entryIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; zone: Zone }[]>(
    `SELECT e.id, a.zone FROM entries e JOIN agencies a ON a.code = e.agency_code WHERE e.id = ANY($1::uuid[])`,
    [entryIds],
  );
  return new Map(rows.map((row) => [row.id, row.zone]));
}

/** The agencies of the cycle's active entries, in code order (the order their presentation locks are taken in). */
export async function agenciesOfActiveEntries(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db.query<{ agency_code: string }[]>(
    `SELECT DISTINCT agency_code FROM entries WHERE cycle_id = $1 AND status = 'active' ORDER BY agency_code`,
    [cycleId],
  );
  return rows.map((row) => row.agency_code);
}

/**
 * Holds the agencies' presentation locks until the transaction ends, so that the bookings of other cycles read next
 * stay as they are until this transaction's own bookings are written. Taken in code order: two holders never wait
 * on each other in a circle.
 */
export async function lockAgencyPresentations(tx: Db, agencyCodes: string[]): Promise<void> {
  for (const code of [...new Set(agencyCodes)].sort()) await advisoryLock(tx, LockNamespace.AgencyPresentations, code);
}
