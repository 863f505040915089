import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { panelKeysOf } from '../../../libs/persistence/interview';
import type { Db } from '../../../libs/persistence/shared';

/**
 * The panels of a stage a principal may read: all of them for the secretariat and auditors, only the ones a
 * panelist sits on for a panelist. To a panelist who sits on none the stage's panels look absent, as a plenary they
 * do not sit in does.
 */
export async function panelsSeenBy(
  db: Db,
  cycleId: string,
  stageKey: string,
  by: Principal,
): Promise<Set<string> | 'all'> {
  if (by.role !== 'panelist') return 'all';
  const keys = await panelKeysOf(db, cycleId, stageKey, by.userId);
  if (keys.length === 0) {
    throw new DomainError(ErrorCode.PanelNotFound, `No interview panel of ${cycleId} that you sit on.`);
  }
  return new Set(keys);
}
