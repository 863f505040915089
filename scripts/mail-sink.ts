import 'reflect-metadata';
import { readPort } from '../libs/config';
import { startMailSink } from '../libs/mail-sink';
import { openDatabase } from '../libs/persistence';

/**
 * The local SMTP sink as a process of its own (the test suites run it so): MAIL_SINK_PORT (0: any free port),
 * DATABASE_URL where it keeps what it receives. Prints "Mail sink listening on smtp://host:port".
 */
async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the sink keeps messages in Tahap’s database.');
  const dataSource = await openDatabase(databaseUrl);
  const sink = await startMailSink(dataSource, {
    host: process.env.MAIL_SINK_HOST ?? '127.0.0.1',
    port: readPort(process.env, 'MAIL_SINK_PORT', 2525, 0),
  });
  console.log(`Mail sink listening on ${sink.url}`);
  const stop = () =>
    void sink
      .stop()
      .then(() => dataSource.destroy())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
