import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { logLevelsFrom, type LogLevel, type TahapConfig } from '../../libs/config';
import { WorkerModule } from './worker.module';

const SDK_LEVEL = { error: 'ERROR', warn: 'WARN', log: 'INFO', debug: 'DEBUG' } as const;
let runtimeInstalled = false;

/** The SDK's runtime is process-wide and must be installed before the first worker or connection. */
function installRuntime(level: LogLevel): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger(SDK_LEVEL[level]) });
  runtimeInstalled = true;
}

export async function bootstrapWorker(config: TahapConfig): Promise<INestApplicationContext> {
  installRuntime(config.logLevel);
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: logLevelsFrom(config.logLevel) });
}
