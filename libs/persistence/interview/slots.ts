import type { InterviewSlot } from '../../domain';
import type { Db } from '../shared/db';

export interface FreeSlot {
  slotId: string;
  panelKey: string;
  startsAt: Date;
  endsAt: Date;
}

/** Slots without a live booking that start after the given instant, earliest first. */
export function freeSlots(db: Db, cycleId: string, stageKey: string, after: Date): Promise<FreeSlot[]> {
  return db.query<FreeSlot[]>(
    `SELECT s.id AS "slotId", s.panel_key AS "panelKey", s.starts_at AS "startsAt", s.ends_at AS "endsAt"
       FROM interview_slots s
      WHERE s.cycle_id = $1 AND s.stage_key = $2 AND s.starts_at > $3
        AND NOT EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.released_at IS NULL)
      ORDER BY s.starts_at, s.panel_key`,
    [cycleId, stageKey, after],
  );
}

/** One slot of the stage, or null when the stage has no slot of that id. */
export async function slotOfStage(db: Db, slotId: string, cycleId: string, stageKey: string): Promise<FreeSlot | null> {
  const [slot] = await db.query<FreeSlot[]>(
    `SELECT id AS "slotId", panel_key AS "panelKey", starts_at AS "startsAt", ends_at AS "endsAt"
       FROM interview_slots WHERE id = $1 AND cycle_id = $2 AND stage_key = $3`,
    [slotId, cycleId, stageKey],
  );
  return slot ?? null;
}

/** A slot of the stage and whether an entry other than the one named holds it; null when there is no such slot. */
export async function slotTakenByAnother(
  db: Db,
  slotId: string,
  cycleId: string,
  stageKey: string,
  entryId: string,
): Promise<{ startsAt: Date; taken: boolean } | null> {
  const [slot] = await db.query<{ startsAt: Date; taken: boolean }[]>(
    `SELECT s.starts_at AS "startsAt",
            EXISTS (SELECT 1 FROM interview_bookings b WHERE b.slot_id = s.id AND b.released_at IS NULL
                       AND b.entry_id <> $4) AS taken
       FROM interview_slots s WHERE s.id = $1 AND s.cycle_id = $2 AND s.stage_key = $3`,
    [slotId, cycleId, stageKey, entryId],
  );
  return slot ?? null;
}

/** Every slot of the stage, as the allocation reads them. */
export async function slotsOfStage(db: Db, cycleId: string, stageKey: string): Promise<InterviewSlot[]> {
  const rows = await db.query<{ id: string; panelKey: string; startsAt: Date; endsAt: Date }[]>(
    `SELECT id, panel_key AS "panelKey", starts_at AS "startsAt", ends_at AS "endsAt"
       FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2`,
    [cycleId, stageKey],
  );
  return rows.map((slot) => ({
    ...slot,
    startsAt: new Date(slot.startsAt).toISOString(),
    endsAt: new Date(slot.endsAt).toISOString(),
  }));
}

/** Lays out the planned slots, each at its panel's meeting link; answers them with their ids. */
export async function insertSlots(
  tx: Db,
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

/** How many slots the stage has, and how many of them are free. */
export async function slotCounts(db: Db, cycleId: string, stageKey: string): Promise<{ slots: number; free: number }> {
  const [counts] = await db.query<{ slots: number; free: number }[]>(
    `SELECT count(*)::int AS slots,
            count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM interview_bookings b
                                               WHERE b.slot_id = s.id AND b.released_at IS NULL))::int AS free
       FROM interview_slots s WHERE s.cycle_id = $1 AND s.stage_key = $2`,
    [cycleId, stageKey],
  );
  return counts;
}
