import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import type { TahapConfig } from '../../libs/config';
import { createLogger, temporalLogger } from '../../libs/observability/logging';
import { WorkerModule } from './worker.module';

let runtimeInstalled = false;

/**
 * The SDK's runtime is process-wide and must be installed before the first worker or connection: its logs go through
 * Tahap's logger, and with WORKER_METRICS_ADDRESS its metrics (and Tahap's, recorded by the activities) are served
 * there at `/metrics` for Prometheus.
 */
function installRuntime(config: TahapConfig): void {
  if (runtimeInstalled) return;
  Runtime.install({
    logger: temporalLogger(createLogger(config)),
    telemetryOptions: {
      // The SDK core's own warnings through the same logger, as JSON lines, not printed beside them.
      logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} },
      ...(config.workerMetricsAddress
        ? {
            metrics: {
              prometheus: {
                bindAddress: config.workerMetricsAddress,
                countersTotalSuffix: true,
                useSecondsForDurations: true,
                unitSuffix: true,
              },
            },
          }
        : {}),
    },
  });
  runtimeInstalled = true;
}

export async function bootstrapWorker(config: TahapConfig): Promise<INestApplicationContext> {
  installRuntime(config);
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: createLogger(config) });
}
