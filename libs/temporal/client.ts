import { Client, Connection } from '@temporalio/client';
import type { TahapConfig } from '../config';

export async function createTemporalClient(
  config: Pick<TahapConfig, 'temporalAddress' | 'temporalNamespace'>,
): Promise<Client> {
  const connection = await Connection.connect({ address: config.temporalAddress });
  return new Client({ connection, namespace: config.temporalNamespace });
}
