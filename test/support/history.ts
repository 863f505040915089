import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultPayloadConverter, type Client } from '@temporalio/client';

/** The inputs of every scheduled activity of a type, in history order, decoded from the workflow's own history. */
export async function scheduledActivityInputs<T>(
  client: Client,
  workflowId: string,
  activityType: string,
): Promise<T[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  return (history.events ?? [])
    .map((event) => event.activityTaskScheduledEventAttributes)
    .filter((attributes) => attributes?.activityType?.name === activityType)
    .map((attributes) => defaultPayloadConverter.fromPayload<T>(attributes!.input!.payloads![0]));
}

export async function historyLength(client: Client, workflowId: string): Promise<number> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  // Workflow tasks (scheduled, started, completed, timed out) count how often the worker ran, which a loaded
  // machine changes; every other event is something the workflow did or was told.
  return (history.events ?? []).filter(
    (event) =>
      !event.workflowTaskScheduledEventAttributes &&
      !event.workflowTaskStartedEventAttributes &&
      !event.workflowTaskCompletedEventAttributes &&
      !event.workflowTaskTimedOutEventAttributes &&
      !event.workflowTaskFailedEventAttributes,
  ).length;
}

/**
 * With TAHAP_RECORD_REPLAY_DIR set, keeps a workflow's history as the replay fixture `<name>.json` (see
 * test/replay), unless that fixture exists. Recording is deliberate: only for a new workflow or a change behind `patched()`.
 */
export async function recordReplayFixture(client: Client, workflowId: string, name: string): Promise<void> {
  const directory = process.env.TAHAP_RECORD_REPLAY_DIR;
  if (!directory) return;
  const file = join(directory, `${name}.json`);
  // A fixture is history that production would have: the old path of a patch replays from it for as long as
  // docs/versioning.md keeps it. It is never recorded over; delete it first where that page says it may go.
  if (existsSync(file)) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(file, historyToJSON(history));
}
