import { Context } from '@temporalio/activity';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { QueryDefinition } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { eventually } from './stack';
import { testEnv } from './test-env';

/** One activity call as a workflow made it. */
export interface ActivityCall {
  workflowId: string;
  name: string;
  /** The first argument: the activities here take one input object (`completeEntry` also a status). */
  input: any;
  args: unknown[];
  /** When the fake ran (ms since the epoch), for steps that must not run before their moment. */
  at: number;
}

export type FakeActivity = (...args: any[]) => unknown;

/** Long enough for a workflow task retried after a slow start, short enough to fail well inside a suite's budget. */
const WAIT_MS = 30_000;

/**
 * Workflow-unit tests check a workflow's decisions (which steps it takes in which order, what its validators refuse,
 * when its timers fire) in seconds: the bundled workflow code runs on the run's Temporal dev server, and every
 * activity is an in-memory fake that records its call, so no database, API or worker process is involved. An activity
 * without a fake of its own records its call and returns undefined. One worker per test file, on its own task queue.
 */
export class WorkflowUnit {
  readonly calls: ActivityCall[] = [];
  readonly taskQueue: string;
  private env?: TestWorkflowEnvironment;
  private running?: Promise<void>;
  private stopWorker = () => {};
  private failure: unknown;
  private readonly workflowIds: string[] = [];

  constructor(
    private readonly suite: string,
    private readonly fakes: Record<string, FakeActivity>,
  ) {
    this.taskQueue = `workflow-unit-${suite}-${randomUUID().slice(0, 8)}`;
  }

  get client(): Client {
    if (!this.env) throw new Error('WorkflowUnit.start() has not run (call it in beforeAll).');
    return this.env.client;
  }

  async start(): Promise<void> {
    this.env = await TestWorkflowEnvironment.createFromExistingServer({ address: testEnv('temporalAddress') });
    const record = (name: string, args: unknown[]) => {
      const { workflowId } = Context.current().info.workflowExecution!;
      this.calls.push({ workflowId, name, input: args[0], args, at: Date.now() });
    };
    const activities: Record<string, FakeActivity> = {
      // The worker hands any activity it has no function for to `default`.
      default: async (...args: unknown[]) => record(Context.current().info.activityType, args),
    };
    for (const [name, fake] of Object.entries(this.fakes)) {
      activities[name] = async (...args: unknown[]) => {
        record(name, args);
        return fake(...args);
      };
    }
    const worker = await Worker.create({
      connection: this.env.nativeConnection,
      taskQueue: this.taskQueue,
      workflowBundle: { codePath: testEnv('workflowBundle') },
      activities,
    });
    const stopped = new Promise<void>((resolve) => (this.stopWorker = resolve));
    this.running = worker.runUntil(stopped).catch((error: unknown) => {
      this.failure = error;
    });
  }

  /** Ends the workflows a test left running (their timers would outlive the worker), then the worker. */
  async stop(): Promise<void> {
    if (!this.env) return;
    await Promise.all(
      this.workflowIds.map((id) =>
        this.client.workflow
          .getHandle(id)
          .terminate(`${this.suite} suite finished`)
          .catch(() => undefined),
      ),
    );
    this.stopWorker();
    await this.running;
    await this.env.teardown();
  }

  /** A workflow id of its own for each test's workflow. */
  workflowId(name: string): string {
    const id = `${this.taskQueue}-${name}-${this.workflowIds.length + 1}`;
    this.workflowIds.push(id);
    return id;
  }

  /** The calls one workflow made, in order; only those of the named activities when names are given. */
  callsOf(workflowId: string, ...names: string[]): ActivityCall[] {
    return this.calls.filter(
      (call) => call.workflowId === workflowId && (names.length === 0 || names.includes(call.name)),
    );
  }

  /** Polls `probe` until it answers something other than undefined; on time-out names the workflow's calls so far. */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, workflowId?: string): Promise<T> {
    try {
      return await eventually(
        what,
        async () => {
          if (this.failure) throw new Error(`the worker failed: ${String(this.failure)}`);
          return probe();
        },
        WAIT_MS,
      );
    } catch (error) {
      if (!workflowId) throw error;
      const made = this.callsOf(workflowId).map((call) => call.name);
      throw new Error(`${(error as Error).message}\nactivities called so far: ${made.join(', ') || 'none'}`, {
        cause: error,
      });
    }
  }

  async waitForCall(
    workflowId: string,
    name: string,
    match: (call: ActivityCall) => boolean = () => true,
  ): Promise<ActivityCall> {
    return this.waitFor(`${workflowId} to call ${name}`, () => this.callsOf(workflowId, name).find(match), workflowId);
  }

  /** Queries the workflow until its answer satisfies `predicate`, and returns that answer. */
  async queryUntil<T>(
    handle: WorkflowHandle,
    query: QueryDefinition<T>,
    predicate: (state: T) => boolean,
    what: string,
  ): Promise<T> {
    return this.waitFor(
      `${handle.workflowId}: ${what}`,
      async () => {
        const state = await handle.query(query);
        return predicate(state) ? state : undefined;
      },
      handle.workflowId,
    );
  }

  /**
   * Waits until the workflow has nothing left to do for now: no activity running and no workflow task pending.
   * What it has not done by then it will not do without something new (an Update, a signal, a timer).
   */
  async settled(handle: WorkflowHandle): Promise<void> {
    await this.waitFor(
      `${handle.workflowId} to settle`,
      async () => {
        const { raw } = await handle.describe();
        return (raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask ? true : undefined;
      },
      handle.workflowId,
    );
  }
}
