import { interviewParams } from '../../libs/domain';
import type { CycleEntity, EntryEntity } from '../../libs/persistence';
import { lastBookingsOf } from '../../libs/persistence/interview';
import type { Db } from '../../libs/persistence/shared';
import type { StageEvent } from '../../workflows/entry.messages';

/**
 * Each entry's outcome of the interview stage. An entry that had a slot and did not take part (a no-show, recorded
 * absent, or released for not confirming and never booked again) is handled as the template's `noShow` says; one
 * the schedule could never place was the secretariat's to decide and goes on.
 */
export async function interviewEvents(
  db: Db,
  cycle: CycleEntity,
  batch: EntryEntity[],
  event: StageEvent,
): Promise<Map<string, StageEvent>> {
  const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === event.stageKey)!;
  if (interviewParams(stage.params).noShow !== 'eliminate') return new Map();
  const rows = await lastBookingsOf(
    db,
    event.stageKey,
    batch.map((entry) => entry.id),
  );
  const reasons: Record<string, string> = {
    'no-show': 'Did not attend the interview (no-show).',
    absent: 'Recorded absent from the interview.',
    released: 'The interview slot was released unconfirmed and no other was booked.',
  };
  const failed = new Map<string, StageEvent>();
  for (const row of rows) {
    // A live booking without attendance is a slot the stage closed before (nobody could have missed it).
    const why = row.attendance ? reasons[row.attendance] : row.released ? reasons.released : undefined;
    if (why) failed.set(row.entryId, { ...event, outcome: 'fail', reason: why });
  }
  return failed;
}
