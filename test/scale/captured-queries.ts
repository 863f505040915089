import type { DataSource, Logger } from 'typeorm';
import { createDataSource } from '../../libs/persistence';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** Remembers every statement TypeORM sends, with its parameters, until `take` hands them over. */
class CapturingLogger implements Logger {
  private captured: CapturedQuery[] = [];

  logQuery(sql: string, parameters?: unknown[]): void {
    this.captured.push({ sql, parameters: parameters ?? [] });
  }

  take(): CapturedQuery[] {
    const taken = this.captured;
    this.captured = [];
    return taken;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * The production data source (entities, migrations, options) with a logger that keeps what it is asked to run, so a
 * test calls the real store functions and reads back the SQL they sent.
 */
export async function capturingDataSource(
  url: string,
): Promise<{ dataSource: DataSource; queriesOf: (work: () => Promise<unknown>) => Promise<CapturedQuery[]> }> {
  const logger = new CapturingLogger();
  const dataSource = createDataSource(url);
  dataSource.setOptions({ logger });
  await dataSource.initialize();
  const queriesOf = async (work: () => Promise<unknown>) => {
    logger.take();
    await work();
    return logger.take().filter((query) => /^\s*(SELECT|WITH)\b/i.test(query.sql));
  };
  return { dataSource, queriesOf };
}
