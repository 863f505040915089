import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { TahapConfig } from '../../libs/config';
import { WorkerModule } from './worker.module';

export async function bootstrapWorker(
  config: TahapConfig,
  options: { workflowBundlePath?: string; logger?: false } = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    logger: options.logger ?? ['log', 'warn', 'error'],
  });
  return app;
}
