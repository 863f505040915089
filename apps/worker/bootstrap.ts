import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { TahapConfig } from '../../libs/config';
import { WorkerModule } from './worker.module';

export async function bootstrapWorker(config: TahapConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['log', 'warn', 'error'] });
}
