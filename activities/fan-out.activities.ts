import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { In, MoreThan } from 'typeorm';
import { entryWorkflowId } from '../libs/domain';
import { CycleEntity, EntryEntity, ScreeningDecisionEntity } from '../libs/persistence';
import { stageEventSignal, type EntryWorkflowInput, type StageEvent } from '../workflows/entry.messages';
import { entryWorkflowInput } from './entry-workflow-input';

export const FAN_OUT_BATCH_SIZE = 200;

export interface FanOutDeps {
  dataSource: DataSource;
  client: Client;
  taskQueue: string;
}

/**
 * Tells every active entry of a cycle about a stage event. One activity however many entries, so the cycle's
 * history stays O(stages). Progress is heartbeated as the last entry id signalled: a retry resumes there, and an
 * entry signalled twice ignores the repeat. Signal-with-start heals an entry whose workflow was never started.
 */
export function createFanOutActivities({ dataSource, client, taskQueue }: FanOutDeps) {
  return {
    /** `outcomes: 'screening'` gives each entry its own screening decision and reason instead of `event.outcome`. */
    async fanOutStageEvent(input: {
      cycleId: string;
      event: StageEvent;
      outcomes?: 'screening';
    }): Promise<{ signalled: number }> {
      const context = Context.current();
      const cycle = await dataSource.getRepository(CycleEntity).findOneByOrFail({ id: input.cycleId });
      let cursor: string = context.info.heartbeatDetails ?? '00000000-0000-0000-0000-000000000000';
      let signalled = 0;
      for (;;) {
        const batch = await dataSource.getRepository(EntryEntity).find({
          where: { cycleId: input.cycleId, status: 'active', id: MoreThan(cursor) },
          order: { id: 'ASC' },
          take: FAN_OUT_BATCH_SIZE,
        });
        if (batch.length === 0) return { signalled };
        const eventFor =
          input.outcomes === 'screening' ? await screeningEvents(dataSource, batch, input.event) : undefined;
        await Promise.all(
          batch.map((entry) =>
            signalEntry(client, taskQueue, entryWorkflowInput(cycle, entry), eventFor?.get(entry.id) ?? input.event),
          ),
        );
        signalled += batch.length;
        cursor = batch[batch.length - 1].id;
        context.heartbeat(cursor);
      }
    },
  };
}

async function screeningEvents(
  dataSource: DataSource,
  batch: EntryEntity[],
  event: StageEvent,
): Promise<Map<string, StageEvent>> {
  const decisions = await dataSource
    .getRepository(ScreeningDecisionEntity)
    .findBy({ entryId: In(batch.map((entry) => entry.id)) });
  return new Map(
    decisions.map((decision) => [decision.entryId, { ...event, outcome: decision.outcome, reason: decision.reason }]),
  );
}

async function signalEntry(
  client: Client,
  taskQueue: string,
  input: EntryWorkflowInput,
  event: StageEvent,
): Promise<void> {
  try {
    await client.workflow.signalWithStart('entryWorkflow', {
      workflowId: entryWorkflowId(input.cycleId, input.entryId),
      taskQueue,
      args: [input],
      signal: stageEventSignal,
      signalArgs: [event],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    // The entry's workflow already finished (its completion is still being written to the read model): nothing to tell.
    if (error instanceof WorkflowExecutionAlreadyStartedError) return;
    throw error;
  }
}

export type FanOutActivities = ReturnType<typeof createFanOutActivities>;
