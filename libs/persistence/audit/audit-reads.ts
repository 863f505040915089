import { AgencyEntity, EntryEntity } from '../entities';
import type { Db } from '../shared/db';

/** The workflow id of an entry, or null when there is no such entry. */
export async function workflowIdOfEntry(db: Db, entryId: string): Promise<string | null> {
  const entry = await db.getRepository(EntryEntity).findOne({ where: { id: entryId }, select: { workflowId: true } });
  return entry?.workflowId ?? null;
}

/** Every entry of the cycle with its workflow id, by workflow id. */
export async function entryWorkflowsOf(db: Db, cycleId: string): Promise<{ id: string; workflowId: string }[]> {
  return db
    .getRepository(EntryEntity)
    .find({ where: { cycleId }, select: { id: true, workflowId: true }, order: { workflowId: 'ASC' } });
}

/** The zone of the agency whose entry runs this workflow; null for a workflow that is no entry's. */
export async function agencyZoneOfWorkflow(db: Db, workflowId: string): Promise<string | null> {
  const entry = await db.getRepository(EntryEntity).findOneBy({ workflowId });
  if (!entry) return null;
  const agency = await db.getRepository(AgencyEntity).findOneBy({ code: entry.agencyCode });
  return agency?.zone ?? null;
}
