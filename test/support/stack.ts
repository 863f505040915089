import { Client, Connection } from '@temporalio/client';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource } from '../../libs/persistence';
import { TahapProcess } from './process';
import { testEnv } from './test-env';

/**
 * Tahap as it runs in production: the API and the worker as their own processes, against the run's Temporal
 * server and database. Each suite takes its own task queue, so suites never run each other's workflows.
 */
export class Stack {
  baseUrl = '';
  client!: Client;
  db!: DataSource;
  private api?: TahapProcess;
  private worker?: TahapProcess;

  constructor(private readonly taskQueue: string) {}

  private env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      DATABASE_URL: testEnv('databaseUrl'),
      TEMPORAL_ADDRESS: testEnv('temporalAddress'),
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      WORKFLOW_BUNDLE_PATH: testEnv('workflowBundle'),
      ...extra,
    };
  }

  private logFile(name: string): string {
    return join(testEnv('scratch'), `${this.taskQueue}-${name}.log`);
  }

  async start(): Promise<this> {
    this.client = new Client({ connection: await Connection.connect({ address: testEnv('temporalAddress') }) });
    this.db = await createDataSource(testEnv('databaseUrl')).initialize();
    this.api = new TahapProcess('apps/api/main.ts', this.env({ API_PORT: '0' }), this.logFile('api'));
    const [, listening] = await Promise.all([
      this.startWorker(),
      this.api.start(/Tahap API listening on (http:\/\/\S+)/),
    ]);
    this.baseUrl = listening[1];
    return this;
  }

  async startWorker(): Promise<void> {
    this.worker = new TahapProcess('apps/worker/main.ts', this.env(), this.logFile('worker'));
    await this.worker.start(/Worker polling task queue/);
  }

  /** Stops the worker: SIGTERM lets it finish in-flight tasks, SIGKILL is a crash. */
  async stopWorker(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.worker?.stop(signal);
  }

  async stop(): Promise<void> {
    await Promise.all([this.api?.stop(), this.worker?.stop()]);
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
