import { Inject, Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { appliedMigrationCount } from '../../../libs/persistence/health/health';
import type { Db } from '../../../libs/persistence/shared';

export interface Check {
  ok: boolean;
  detail: string;
}

/** Whether the API reaches PostgreSQL and Temporal, and whether it is stopping. */
@Injectable()
export class HealthService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(HealthService.name);
  /** From the shutdown signal on: the readiness check fails while requests in flight finish. */
  draining = false;

  beforeApplicationShutdown(): void {
    this.draining = true;
  }

  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  async database(): Promise<Check> {
    try {
      const migrations = await appliedMigrationCount(this.db);
      return { ok: true, detail: `PostgreSQL answers; ${migrations} migrations applied` };
    } catch (error) {
      return this.failed(`PostgreSQL unreachable: ${String(error)}`);
    }
  }

  async temporal(): Promise<Check> {
    try {
      const info = await this.client.connection.withDeadline(Date.now() + 2_000, () =>
        this.client.workflowService.getSystemInfo({}),
      );
      return {
        ok: true,
        detail: `Temporal ${info.serverVersion ? `${info.serverVersion} ` : ''}at ${this.config.temporalAddress}`,
      };
    } catch (error) {
      return this.failed(`Temporal unreachable at ${this.config.temporalAddress}: ${String(error)}`);
    }
  }

  private failed(detail: string): Check {
    this.logger.warn(detail);
    return { ok: false, detail };
  }
}
