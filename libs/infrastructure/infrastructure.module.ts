import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { TahapConfig } from '../config';
import { openDatabase } from '../persistence';
import { createTemporalClient } from '../temporal/client';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from './tokens';

/** What both processes need: validated config, the database (migrated at start) and a Temporal client. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  static forRoot(config: TahapConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: TAHAP_CONFIG, useValue: config },
        { provide: DataSource, useFactory: () => openDatabase(config.databaseUrl, config.databaseMigrationUrl) },
        { provide: DB, useFactory: (dataSource: DataSource) => dataSource.manager, inject: [DataSource] },
        { provide: TEMPORAL_CLIENT, useFactory: () => createTemporalClient(config) },
      ],
      exports: [TAHAP_CONFIG, DataSource, DB, TEMPORAL_CLIENT],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
