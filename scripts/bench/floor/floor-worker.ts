import { NativeConnection, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { floorActivities } from './floor.activities';

/** The floor's worker, a process of its own as Tahap's is: FLOOR_TASK_QUEUE on TEMPORAL_ADDRESS, DATABASE_URL. */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const worker = await Worker.create({
    connection,
    taskQueue: process.env.FLOOR_TASK_QUEUE ?? 'floor',
    workflowsPath: require.resolve('./floor.workflow'),
    activities: floorActivities(pool),
  });
  process.once('SIGTERM', () => worker.shutdown());
  process.once('SIGINT', () => worker.shutdown());
  console.log('Floor worker polling');
  await worker.run();
  await connection.close();
  await pool.end();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
