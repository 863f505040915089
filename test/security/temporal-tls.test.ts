import { Connection } from '@temporalio/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressedPkri, stageReaches, startCycle } from '../support/fixtures';
import { makeCertificates, MtlsGateway, TEMPORAL_TLS_NAME } from '../support/mtls-gateway';
import { Stack } from '../support/stack';
import { testEnv } from '../support/test-env';

jest.setTimeout(180_000);

const YEAR = 2059;

describe('[security] Temporal reached over mutual TLS', () => {
  const files = makeCertificates(join(testEnv('scratch'), 'temporal-mtls'));
  const gateway = new MtlsGateway(testEnv('temporalAddress'), files);
  let stack: Stack;

  beforeAll(async () => {
    await gateway.start();
    stack = new Stack('security-temporal-tls', {
      TEMPORAL_ADDRESS: gateway.address,
      TEMPORAL_TLS_CA_PATH: files.ca,
      TEMPORAL_TLS_CERT_PATH: files.client.cert,
      TEMPORAL_TLS_KEY_PATH: files.client.key,
      TEMPORAL_TLS_SERVER_NAME: TEMPORAL_TLS_NAME,
    });
    await stack.start();
  });
  afterAll(async () => {
    await stack?.stop();
    await gateway.stop();
  });

  it('[security] the API and the worker run a cycle through a Temporal frontend that demands client certificates', async () => {
    const cycleId = await startCycle(stack, compressedPkri(YEAR, { submission: 600, others: 600 }));
    await stageReaches(stack, cycleId, 'pendaftaran', 'open');
    const health = await stack.request('GET', '/health/detail');
    expect(health.status).toBe(200);
    expect(health.body.temporal.detail).toContain(gateway.address);
  });

  it('[security] without a client certificate, or without TLS, the same frontend answers nothing', async () => {
    const refusedBefore = gateway.refused;
    const attempts = [
      { tls: { serverNameOverride: TEMPORAL_TLS_NAME, serverRootCACertificate: readFileSync(files.ca) } },
      { tls: false },
    ];
    for (const { tls } of attempts) {
      const reached = Connection.connect({ address: gateway.address, tls, connectTimeout: 5_000 }).then(
        async (connection) => {
          try {
            await connection.withDeadline(Date.now() + 5_000, () => connection.workflowService.getSystemInfo({}));
          } finally {
            await connection.close();
          }
        },
      );
      await expect(reached).rejects.toThrow();
    }
    expect(gateway.refused).toBeGreaterThan(refusedBefore);
  });
});
