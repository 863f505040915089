import type { Client } from '@temporalio/client';
import { entryWorkflowId } from '../domain';
import { activeEvaluators } from '../persistence/desk';
import type { Db } from '../persistence/shared/db';
import { deskEvaluatorsSignal } from '../../workflows/entry.messages';

/**
 * Tells an entry's workflow who its evaluators are now (after a reassignment), read after the change committed.
 * The engine and the API both change assignments, so both tell the workflow the same way.
 */
export async function signalEvaluators(db: Db, client: Client, cycleId: string, entryId: string, stageKey: string) {
  const { evaluatorIds, version } = await activeEvaluators(db, entryId, stageKey);
  await client.workflow
    .getHandle(entryWorkflowId(cycleId, entryId))
    .signal(deskEvaluatorsSignal, { stageKey, evaluatorIds, version });
}
