import { Client, Connection, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { join } from 'node:path';
import { Pool } from 'pg';
import { TahapProcess } from '../../../test/support/process';
import { sleep } from '../bench-stack';
import { inBatches } from '../in-batches';
import { cpuBetween, cpuSnapshot, postgresCpuSeconds, processCpuSeconds } from '../process-cpu';
import { floorEntryWorkflow, floorSignal, floorUpdate } from './floor.workflow';

const TASK_QUEUE = 'bench-floor';

/** What a Tahap entry's history held on average, which every floor entry copies. */
export interface FloorShape {
  entries: number;
  signals: number;
  updates: number;
  activities: number;
  concurrency: number;
}

export interface FloorResult {
  wallSeconds: number;
  cpu: Record<string, number>;
  registrationSeconds: number;
  /** Updates the server did not confirm in time, sent again. */
  busy: number;
}

/** Activities at the start, then per message: the total spread as evenly as whole numbers allow. */
export function spreadActivities(activities: number, messages: number): { atStart: number; perMessage: number[] } {
  const atStart = Math.round(activities / (messages + 1));
  const rest = Math.max(0, activities - atStart);
  const perMessage = Array.from(
    { length: messages },
    (_, index) => Math.floor(rest / messages) + (index < rest % messages ? 1 : 0),
  );
  return { atStart, perMessage };
}

/**
 * Runs the floor on the benchmark's own Temporal server and database: each entry a row inserted and a workflow
 * started (as a registration does), then its messages in rounds over all entries (as stage fan-outs and people's
 * Updates reach Tahap's entries), `concurrency` calls at once; resolves when every floor workflow has ended.
 */
export async function runFloor(
  env: { temporalAddress: string; temporalPid?: number; databaseUrl: string; scratch: string },
  shape: FloorShape,
): Promise<FloorResult> {
  const db = new Pool({ connectionString: env.databaseUrl, max: 10 });
  const worker = new TahapProcess(
    'scripts/bench/floor/floor-worker.ts',
    { TEMPORAL_ADDRESS: env.temporalAddress, DATABASE_URL: env.databaseUrl, FLOOR_TASK_QUEUE: TASK_QUEUE },
    join(env.scratch, 'floor-worker.log'),
  );
  const connection = await Connection.connect({ address: env.temporalAddress });
  try {
    await db.query('CREATE TABLE IF NOT EXISTS floor_entries (id text PRIMARY KEY, steps integer NOT NULL DEFAULT 0)');
    await worker.start(/Floor worker polling/);
    const client = new Client({ connection });
    const processes = {
      worker: () => processCpuSeconds(worker.pid),
      temporal: () => processCpuSeconds(env.temporalPid),
      postgres: postgresCpuSeconds,
    };
    const messages = Math.round(shape.signals) + Math.round(shape.updates);
    const { atStart, perMessage } = spreadActivities(Math.round(shape.activities), messages);
    const ids = Array.from({ length: shape.entries }, (_, index) => `floor-${index}`);
    const before = cpuSnapshot(processes);
    const started = Date.now();
    await inBatches(ids, shape.concurrency, async (id) => {
      await db.query('INSERT INTO floor_entries (id) VALUES ($1)', [id]);
      await client.workflow.start(floorEntryWorkflow, {
        taskQueue: TASK_QUEUE,
        workflowId: id,
        args: [{ entryId: id, atStart, messages }],
      });
    });
    const registrationSeconds = (Date.now() - started) / 1000;
    let busy = 0;
    for (const [round, activities] of perMessage.entries()) {
      const asUpdate = round >= Math.round(shape.signals);
      await inBatches(ids, shape.concurrency, async (id) => {
        const handle = client.workflow.getHandle(id);
        if (!asUpdate) return handle.signal(floorSignal, { activities });
        // As Tahap's people do on a busy engine, send it again; the same update id makes it the same Update.
        for (;;) {
          try {
            return await handle.executeUpdate(floorUpdate, { args: [{ activities }], updateId: `${id}-${round}` });
          } catch (error) {
            if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)) throw error;
            busy += 1;
          }
        }
      });
    }
    await allEnded(client);
    return {
      wallSeconds: (Date.now() - started) / 1000,
      cpu: cpuBetween(before, cpuSnapshot(processes)),
      registrationSeconds,
      busy,
    };
  } finally {
    await worker.stop();
    await connection.close();
    await db.end();
  }
}

/** Resolves once no floor workflow runs any more (the messages' activities may still be running after the last). */
async function allEnded(client: Client): Promise<void> {
  const query = `WorkflowType = 'floorEntryWorkflow' AND ExecutionStatus = 'Running'`;
  while ((await client.workflow.count(query)).count > 0) await sleep(250);
}
