import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { floorEntryWorkflow } from './floor.workflow';

/**
 * The floor of a registration, as an HTTP server of its own: each POST reads its JSON body, inserts a row and
 * starts a workflow that runs one activity, then answers 201. No authentication, validation or business rule:
 * what Tahap's POST /cycles/:id/entries costs beyond this is Tahap's. TEMPORAL_ADDRESS, DATABASE_URL,
 * FLOOR_TASK_QUEUE (the floor worker's).
 */
async function main(): Promise<void> {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  await pool.query('CREATE TABLE IF NOT EXISTS floor_entries (id text PRIMARY KEY, steps integer NOT NULL DEFAULT 0)');
  const client = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS }) });
  const taskQueue = process.env.FLOOR_TASK_QUEUE ?? 'floor';
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { title?: string };
        const id = randomUUID();
        await pool.query('INSERT INTO floor_entries (id) VALUES ($1)', [id]);
        await client.workflow.start(floorEntryWorkflow, {
          taskQueue,
          workflowId: `floor-registration-${id}`,
          args: [{ entryId: id, atStart: 1, messages: 0 }],
        });
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id, title: body.title ?? null }));
      })().catch((error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    console.log(`Floor registration listening on http://127.0.0.1:${port}`);
  });
  const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
