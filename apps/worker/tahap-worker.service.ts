import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createCycleStageActivities } from '../../activities/cycle-stage.activities';
import { createEntryActivities } from '../../activities/entry.activities';
import { createFanOutActivities } from '../../activities/fan-out.activities';
import { createScreeningActivities } from '../../activities/screening.activities';
import { createYearlyCycleActivities } from '../../activities/yearly-cycle.activities';
import type { TahapConfig } from '../../libs/config';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../libs/infrastructure/tokens';

/** Hosts the Temporal worker inside the Nest application context: activities get their dependencies here. */
@Injectable()
export class TahapWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TahapWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;

  constructor(
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect({ address: this.config.temporalAddress });
    const launchDeps = { dataSource: this.dataSource, client: this.client, taskQueue: this.config.taskQueue };
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      ...(this.config.workflowBundlePath
        ? { workflowBundle: { codePath: this.config.workflowBundlePath } }
        : { workflowsPath: require.resolve('../../workflows') }),
      activities: {
        ...createCycleStageActivities(this.dataSource),
        ...createEntryActivities(this.dataSource),
        ...createScreeningActivities(this.dataSource),
        ...createFanOutActivities(launchDeps),
        ...createYearlyCycleActivities(launchDeps),
      },
    });
    this.running = this.worker.run().catch((error: unknown) => {
      this.logger.error(`Temporal worker stopped with an error: ${String(error)}`);
      throw error;
    });
    this.logger.log(`Worker polling task queue "${this.config.taskQueue}" on ${this.config.temporalAddress}`);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}
