import { Client, Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import type { TahapConfig } from '../config';
import { temporalConnectionOptions } from './connection-options';

export async function createTemporalClient(
  config: Pick<TahapConfig, 'temporalAddress' | 'temporalNamespace' | 'temporalSecurity'> &
    Partial<Pick<TahapConfig, 'updateWaitSeconds'>>,
): Promise<Client> {
  const connection = await Connection.connect(temporalConnectionOptions(config));
  const workflow = config.updateWaitSeconds ? [updateWait(connection, config.updateWaitSeconds)] : [];
  return new Client({ connection, namespace: config.temporalNamespace, interceptors: { workflow } });
}

/**
 * Bounds the wait for a workflow to accept an Update. The client otherwise asks again until it does, however long
 * the workflow's task waits behind others; past the deadline the call fails as timed out, which the API answers
 * with 503 ENGINE.BUSY (apps/api/common/engine-busy.ts). An accepted Update runs its handler to the end as before.
 */
function updateWait(connection: Connection, seconds: number): WorkflowClientInterceptor {
  return {
    startUpdate: (input, next) => connection.withDeadline(Date.now() + seconds * 1000, () => next(input)),
  };
}
