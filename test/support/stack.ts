import 'reflect-metadata';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { bootstrapApi } from '../../apps/api/bootstrap';
import { bootstrapWorker } from '../../apps/worker/bootstrap';
import type { TahapConfig } from '../../libs/config';
import { createDataSource } from '../../libs/persistence';
import { testEnv } from './test-env';

/**
 * The real processes of Tahap, in-process: the API on a free port and the worker, against the run's Temporal
 * server and database. Each suite takes its own task queue, so suites never run each other's workflows.
 */
export class Stack {
  readonly config: TahapConfig;
  api?: INestApplication;
  worker?: INestApplicationContext;
  baseUrl = '';
  client!: Client;
  db!: DataSource;

  constructor(taskQueue: string) {
    this.config = {
      databaseUrl: testEnv('databaseUrl'),
      temporalAddress: testEnv('temporalAddress'),
      temporalNamespace: 'default',
      taskQueue,
      apiHost: '127.0.0.1',
      apiPort: 0,
    };
  }

  async start(): Promise<this> {
    this.client = new Client({ connection: await Connection.connect({ address: this.config.temporalAddress }) });
    this.db = await createDataSource(this.config.databaseUrl).initialize();
    await this.startWorker();
    this.api = await bootstrapApi(this.config, { port: 0, logger: false });
    this.baseUrl = (await this.api.getUrl()).replace('[::1]', '127.0.0.1');
    return this;
  }

  async startWorker(): Promise<void> {
    this.worker = await bootstrapWorker(this.config, { workflowBundlePath: testEnv('workflowBundle'), logger: false });
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  async stop(): Promise<void> {
    await this.api?.close();
    await this.stopWorker();
    await this.client?.connection.close();
    if (this.db?.isInitialized) await this.db.destroy();
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** Polls until `probe` returns a value that is not undefined; fails with `what` after the timeout. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}
