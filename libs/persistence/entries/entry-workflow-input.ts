import type { CycleEntity, EntryEntity } from '../entities';
import type { EntryWorkflowInput } from '../../../workflows/entry.messages';

/** The entry workflow's input from the read model: the same at registration and when a fan-out heals an entry. */
export function entryWorkflowInput(cycle: CycleEntity, entry: EntryEntity): EntryWorkflowInput {
  return {
    cycleId: cycle.id,
    entryId: entry.id,
    agencyCode: entry.agencyCode,
    cluster: entry.cluster,
    group: entry.groupKey,
    programme: cycle.programme,
    year: cycle.year,
    joinedStage: cycle.resolvedTemplate.stages[0].key,
    joinedAt: entry.createdAt.toISOString(),
  };
}
