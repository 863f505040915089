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
  return history.events?.length ?? 0;
}
