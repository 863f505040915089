import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { FIXED_LOCKS } from './shared/locks';

export function createDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: { max: 10 },
  });
}

/** Opens the database and brings its schema up to date; API and worker may start together, so migrations are serialised. */
export async function openDatabase(url: string, migrationUrl?: string): Promise<DataSource> {
  const migrator = await createDataSource(migrationUrl ?? url).initialize();
  const runner = migrator.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [FIXED_LOCKS.migrations]);
    await migrator.runMigrations();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [FIXED_LOCKS.migrations]).catch(() => undefined);
    await runner.release();
  }
  if (!migrationUrl) return migrator;
  await migrator.destroy();
  return createDataSource(url).initialize();
}
