import { In } from 'typeorm';
import { ScreeningDecisionEntity, SelectionOutcomeEntity } from '../entities';
import type { Db } from '../shared/db';

/** What the entry is told when screening and selection end: the decisions and outcomes the stages left. */

export function screeningDecisionOf(db: Db, entryId: string): Promise<ScreeningDecisionEntity | null> {
  return db.getRepository(ScreeningDecisionEntity).findOneBy({ entryId });
}

export function screeningDecisionsOf(db: Db, entryIds: string[]): Promise<ScreeningDecisionEntity[]> {
  return db.getRepository(ScreeningDecisionEntity).findBy({ entryId: In(entryIds) });
}

export function selectionOutcomesOf(
  db: Db,
  selectionId: string,
  entryIds: string[],
): Promise<SelectionOutcomeEntity[]> {
  return db.getRepository(SelectionOutcomeEntity).findBy({ selectionId, entryId: In(entryIds) });
}
