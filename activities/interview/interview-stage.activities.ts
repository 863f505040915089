import type { DataSource, EntityManager } from 'typeorm';
import {
  allocateInterviews,
  instantToLocal,
  localToInstant,
  planSlots,
  type InterviewParams,
  type InterviewSchedule,
  type InterviewSlot,
  type SchedulableEntry,
  type Zone,
} from '../../libs/domain';
import { assignableEntries } from '../desk/desk-data';
import { grantPanelAccess, interviewStage, lockSchedule, schedulePanels } from './interview-data';

/** Who booked a slot the allocation gave. */
export const BY_ENGINE = 'engine';

/**
 * The interview stage's cross-entry steps: at the opening, the slots laid out from the template and every finalist
 * (each active entry) given one, or named as unplaced with the reason; at the close, a slot nobody attended is a
 * no-show. Both are keyed in the database, so a retried activity does its work once.
 */
export function createInterviewStageActivities(dataSource: DataSource) {
  return {
    async allocateInterviewSlots(input: { cycleId: string; stageKey: string }) {
      return dataSource.transaction(async (tx) => {
        await lockSchedule(tx, input.cycleId, input.stageKey);
        const [{ done }] = await tx.query<{ done: boolean }[]>(
          `SELECT EXISTS (SELECT 1 FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2)
               OR EXISTS (SELECT 1 FROM interview_unplaced WHERE cycle_id = $1 AND stage_key = $2) AS done`,
          [input.cycleId, input.stageKey],
        );
        if (done) return scheduleSummary(tx, input.cycleId, input.stageKey);
        const { stage, params, zone } = await interviewStage(tx, input.cycleId, input.stageKey);
        // The schedule is published when the stage opens: at its instant, or earlier when an admin opens it early.
        // Notice days and the confirmation cut-off count from then; every slot leaves the agency until its cut-off.
        const publishedAt = new Date(Math.min(stage.opensAt.getTime(), Date.now()));
        const confirmable = publishedAt.getTime() + params.confirmHoursBefore * 3_600_000;
        const window = {
          opensAt: new Date(
            Math.max(Date.parse(firstInterviewDay(publishedAt, zone, params)), confirmable),
          ).toISOString(),
          closesAt: stage.closesAt.toISOString(),
          zone,
        };
        // A panel nobody sits on hears no one (nobody could record attendance there).
        const panels = (await schedulePanels(tx, input.cycleId, input.stageKey)).filter(
          (panel) => panel.panelists.length > 0,
        );
        const slots = await insertSlots(
          tx,
          input,
          planSlots(
            window,
            params,
            panels.map((panel) => panel.key),
          ),
        );
        const schedule = allocateInterviews(slots, await schedulableEntries(tx, input.cycleId), panels, {
          sameProvince: params.conflictSameProvince,
          agencyHours: params.agencyHours,
        });
        await insertSchedule(
          tx,
          input,
          schedule,
          panels.length === 0 ? NO_PANELS : slots.length === 0 ? NO_SLOTS : null,
        );
        await grantPanelAccess(tx, input.cycleId, input.stageKey);
        return scheduleSummary(tx, input.cycleId, input.stageKey);
      });
    },

    /** At the close: a live booking whose grace period ran out without attendance recorded is a no-show. */
    async recordMissedInterviews(input: { cycleId: string; stageKey: string }) {
      const { params } = await interviewStage(dataSource.manager, input.cycleId, input.stageKey);
      const rows = await dataSource.query<{ id: string }[]>(
        `WITH missed AS (
           UPDATE interview_bookings b SET attendance = 'no-show', attendance_by = 'engine', attendance_at = now()
             FROM interview_slots s
            WHERE s.id = b.slot_id AND b.cycle_id = $1 AND b.stage_key = $2
              AND b.released_at IS NULL AND b.attendance IS NULL
              AND s.starts_at + make_interval(secs => $3::float8 * 60) <= now()
           RETURNING b.id, b.sequence)
         INSERT INTO interview_booking_events (booking_id, kind, sequence, actor, reason)
         SELECT id, 'no-show', sequence, 'engine', 'no attendance recorded when the stage closed' FROM missed
         RETURNING booking_id AS id`,
        [input.cycleId, input.stageKey, params.noShowGraceMinutes],
      );
      return { noShows: rows.length };
    },
  };
}

/** Interviews begin `noticeDays` after the opening (the schedule is published first), at local midnight. */
function firstInterviewDay(opensAt: Date, zone: Zone, params: InterviewParams): string {
  if (params.noticeDays === 0) return opensAt.toISOString();
  const openingDay = instantToLocal(opensAt, zone).slice(0, 10);
  const first = new Date(Date.parse(`${openingDay}T00:00:00Z`) + params.noticeDays * 86_400_000);
  return localToInstant(`${first.toISOString().slice(0, 10)}T00:00`, zone)!.toISOString();
}

export async function scheduleSummary(db: EntityManager, cycleId: string, stageKey: string) {
  const [row] = await db.query<{ slots: number; booked: number; unplaced: number }[]>(
    `SELECT (SELECT count(*)::int FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2) AS slots,
            (SELECT count(*)::int FROM interview_bookings WHERE cycle_id = $1 AND stage_key = $2 AND released_at IS NULL) AS booked,
            (SELECT count(*)::int FROM interview_unplaced u WHERE u.cycle_id = $1 AND u.stage_key = $2
                AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.entry_id = u.entry_id
                                   AND b.stage_key = u.stage_key AND b.released_at IS NULL)) AS unplaced`,
    [cycleId, stageKey],
  );
  return row;
}

const NO_PANELS = 'no interview panel has members: set them with PUT /cycles/{cycleId}/interview-panels, then book';
const NO_SLOTS = 'the stage has no interview slots: its window holds no whole slot of the panels’ day';

async function insertSlots(
  tx: EntityManager,
  stage: { cycleId: string; stageKey: string },
  planned: { panelKey: string; startsAt: string; endsAt: string }[],
): Promise<InterviewSlot[]> {
  if (planned.length === 0) return [];
  const rows = await tx.query<{ id: string; panel_key: string; starts_at: Date; ends_at: Date }[]>(
    `INSERT INTO interview_slots (cycle_id, stage_key, panel_key, starts_at, ends_at, meeting_url)
     SELECT $1, $2, slot.panel_key, slot.starts_at, slot.ends_at, p.meeting_url
       FROM unnest($3::text[], $4::timestamptz[], $5::timestamptz[]) AS slot (panel_key, starts_at, ends_at)
       JOIN interview_panels p ON p.cycle_id = $1 AND p.stage_key = $2 AND p.panel_key = slot.panel_key
     RETURNING id, panel_key, starts_at, ends_at`,
    [
      stage.cycleId,
      stage.stageKey,
      planned.map((slot) => slot.panelKey),
      planned.map((slot) => slot.startsAt),
      planned.map((slot) => slot.endsAt),
    ],
  );
  return rows.map((row) => ({
    id: row.id,
    panelKey: row.panel_key,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
  }));
}

/** The cycle's active entries (or those named) with their agency's zone and the days it declared unavailable. */
export async function schedulableEntries(
  db: EntityManager,
  cycleId: string,
  entryIds?: string[],
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
  return entries.map((entry) => ({
    ...entry,
    zone: byId.get(entry.id)!.zone,
    unavailableDays: byId.get(entry.id)!.days,
  }));
}

async function insertSchedule(
  tx: EntityManager,
  stage: { cycleId: string; stageKey: string },
  schedule: InterviewSchedule,
  /** Why nobody could be placed, when that is the stage's fault rather than the entry's. */
  nobody: string | null,
) {
  if (schedule.bookings.length > 0) {
    await tx.query(
      `WITH booked AS (
         INSERT INTO interview_bookings (cycle_id, stage_key, entry_id, slot_id, booked_by, reason)
         SELECT $1, $2, plan.entry_id, plan.slot_id, '${BY_ENGINE}', plan.reason
           FROM unnest($3::uuid[], $4::uuid[], $5::text[]) AS plan (entry_id, slot_id, reason)
         RETURNING id, slot_id, reason)
       INSERT INTO interview_booking_events (booking_id, kind, sequence, to_slot_id, actor, reason)
       SELECT id, 'booked', 0, slot_id, '${BY_ENGINE}', reason FROM booked`,
      [
        stage.cycleId,
        stage.stageKey,
        schedule.bookings.map((booking) => booking.entryId),
        schedule.bookings.map((booking) => booking.slotId),
        schedule.bookings.map((booking) => booking.reason),
      ],
    );
  }
  if (schedule.unplaced.length > 0) {
    await tx.query(
      `INSERT INTO interview_unplaced (cycle_id, stage_key, entry_id, reason)
       SELECT $1, $2, entry_id, reason FROM unnest($3::uuid[], $4::text[]) AS u (entry_id, reason)
       ON CONFLICT DO NOTHING`,
      [
        stage.cycleId,
        stage.stageKey,
        schedule.unplaced.map((entry) => entry.entryId),
        schedule.unplaced.map((entry) => nobody ?? entry.reason),
      ],
    );
  }
}

export type InterviewStageActivities = ReturnType<typeof createInterviewStageActivities>;
