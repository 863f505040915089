import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { entryWorkflowId, selectionStageFor } from '../libs/domain';
import { existingCycle } from '../libs/persistence/cycles';
import {
  activeEntriesAfter,
  entryWorkflowInput,
  screeningDecisionsOf,
  selectionOutcomesOf,
} from '../libs/persistence/entries';
import type { CycleEntity, EntryEntity } from '../libs/persistence/entities';
import type { Db } from '../libs/persistence/shared';
import { latestSelection } from '../libs/persistence/selection';
import { interviewEvents } from './interview/interview-outcomes';
import { stageEventSignal, type EntryWorkflowInput, type StageEvent } from '../workflows/entry.messages';

export const FAN_OUT_BATCH_SIZE = 200;

export interface FanOutDeps {
  db: Db;
  client: Client;
  taskQueue: string;
}

/**
 * Tells every active entry of a cycle about a stage event. One activity however many entries, so the cycle's
 * history stays O(stages). Progress is heartbeated as the last entry id signalled: a retry resumes there, and an
 * entry signalled twice ignores the repeat. Signal-with-start heals an entry whose workflow was never started.
 */
export function createFanOutActivities({ db, client, taskQueue }: FanOutDeps) {
  return {
    /**
     * `outcomes` gives each entry its own outcome and reason instead of `event.outcome`: its screening decision, or
     * whether the latest selection has it on the nominee list (`pass`) or not (`fail`, with the explanation), or
     * whether it missed its interview.
     */
    async fanOutStageEvent(input: {
      cycleId: string;
      event: StageEvent;
      outcomes?: 'screening' | 'selection' | 'interview';
    }): Promise<{ signalled: number }> {
      const context = Context.current();
      const cycle = await existingCycle(db, input.cycleId);
      let cursor: string = context.info.heartbeatDetails ?? '00000000-0000-0000-0000-000000000000';
      let signalled = 0;
      for (;;) {
        const batch = await activeEntriesAfter(db, input.cycleId, cursor, FAN_OUT_BATCH_SIZE);
        if (batch.length === 0) return { signalled };
        const eventFor =
          input.outcomes === 'screening'
            ? await screeningEvents(db, batch, input.event)
            : input.outcomes === 'selection'
              ? await selectionEvents(db, cycle, batch, input.event)
              : input.outcomes === 'interview'
                ? await interviewEvents(db, cycle, batch, input.event)
                : undefined;
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

async function screeningEvents(db: Db, batch: EntryEntity[], event: StageEvent): Promise<Map<string, StageEvent>> {
  const decisions = await screeningDecisionsOf(
    db,
    batch.map((entry) => entry.id),
  );
  return new Map(
    decisions.map((decision) => [decision.entryId, { ...event, outcome: decision.outcome, reason: decision.reason }]),
  );
}

async function selectionEvents(
  db: Db,
  cycle: CycleEntity,
  batch: EntryEntity[],
  event: StageEvent,
): Promise<Map<string, StageEvent>> {
  const stageKey = selectionStageFor(cycle.resolvedTemplate, event.stageKey);
  const selection = stageKey ? await latestSelection(db, cycle.id, stageKey) : null;
  // No selection was made (nobody scored): the entries go on with the stage's own outcome.
  if (!selection) return new Map();
  const outcomes = await selectionOutcomesOf(
    db,
    selection.id,
    batch.map((entry) => entry.id),
  );
  const byEntry = new Map(outcomes.map((outcome) => [outcome.entryId, outcome]));
  return new Map(
    batch.map((entry) => {
      const outcome = byEntry.get(entry.id);
      return [
        entry.id,
        outcome
          ? { ...event, outcome: outcome.selected ? 'pass' : 'fail', reason: outcome.explanation }
          : { ...event, outcome: 'fail', reason: 'Not ranked: the entry has no desk result.' },
      ];
    }),
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
