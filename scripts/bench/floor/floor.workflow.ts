import { condition, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities } from './floor.activities';

/** One message to a floor entry: how many trivial activities it runs on receiving it. */
export interface FloorStep {
  activities: number;
}

export const floorSignal = defineSignal<[FloorStep]>('floorStep');
export const floorUpdate = defineUpdate<number, [FloorStep]>('floorStep');

const { touchEntry } = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

async function run(entryId: string, activities: number): Promise<void> {
  for (let index = 0; index < activities; index += 1) await touchEntry(entryId);
}

/**
 * The benchmark's floor: an entry with no business logic. It runs `atStart` activities, then as many as each
 * signal or Update asks for, and ends once it has had `messages` of them: the workflow tasks, messages and
 * activities of a Tahap entry, with nothing of Tahap in them.
 */
export async function floorEntryWorkflow(input: { entryId: string; atStart: number; messages: number }): Promise<void> {
  let received = 0;
  let pending = Promise.resolve();
  const handle = (step: FloorStep) => {
    received += 1;
    pending = pending.then(() => run(input.entryId, step.activities));
    return pending;
  };
  setHandler(floorSignal, (step) => void handle(step));
  setHandler(floorUpdate, async (step) => {
    await handle(step);
    return received;
  });
  await run(input.entryId, input.atStart);
  await condition(() => received >= input.messages);
  await pending;
}
