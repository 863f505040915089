import { EntryAssignmentEntity } from '../entities';
import type { Db } from '../shared/db';

/** The evaluators and panelists given the entry. */
export async function assignedUserIds(db: Db, entryId: string): Promise<string[]> {
  const assignments = await db.getRepository(EntryAssignmentEntity).findBy({ entryId });
  return assignments.map((assignment) => assignment.userId);
}
