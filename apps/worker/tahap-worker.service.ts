import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createAuditActivities } from '../../activities/audit/audit.activities';
import { createCycleStageActivities } from '../../activities/cycle-stage.activities';
import { createDraftActivities } from '../../activities/drafts.activities';
import { createDeskEntryActivities } from '../../activities/desk/desk-entry.activities';
import { createDeskStageActivities } from '../../activities/desk/desk-stage.activities';
import { createSelectionActivities } from '../../activities/desk/selection.activities';
import { createEntryActivities } from '../../activities/entry.activities';
import { createInterviewEntryActivities } from '../../activities/interview/interview-entry.activities';
import { createInterviewStageActivities } from '../../activities/interview/interview-stage.activities';
import { createFanOutActivities } from '../../activities/fan-out.activities';
import { createScreeningActivities } from '../../activities/screening.activities';
import { createDeliveryActivities } from '../../activities/notify/delivery.activities';
import { createNotifyActivities } from '../../activities/notify/notify.activities';
import { createPlenaryActivities } from '../../activities/plenary/plenary.activities';
import { createYearlyCycleActivities } from '../../activities/yearly-cycle.activities';
import { createTransport, type Transporter } from 'nodemailer';
import { ConfigError, type TahapConfig } from '../../libs/config';
import { temporalConnectionOptions } from '../../libs/temporal/connection-options';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../libs/infrastructure/tokens';
import type { Db } from '../../libs/persistence/shared';
import { heartbeating } from '../../activities/heartbeating';

/** Hosts the Temporal worker inside the Nest application context: activities get their dependencies here. */
@Injectable()
export class TahapWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TahapWorkerService.name);
  private worker?: Worker;
  private running?: Promise<void>;
  private connection?: NativeConnection;
  private mailer?: Transporter;

  constructor(
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(DB) private readonly db: Db,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.connection = await NativeConnection.connect(temporalConnectionOptions(this.config));
    const { notify } = this.config;
    if (!notify.smtpUrl) {
      throw new ConfigError(
        'SMTP_URL is not set: the worker sends e-mail notices. `npm start` provides a local SMTP sink.',
      );
    }
    this.mailer = createTransport(
      `${notify.smtpUrl}${notify.smtpUrl.includes('?') ? '&' : '?'}pool=true&maxConnections=5`,
    );
    const launchDeps = { db: this.db, client: this.client, taskQueue: this.config.taskQueue };
    const notifyDeps = {
      ...launchDeps,
      settings: { retryInitialSeconds: notify.retryInitialSeconds, sendTimeoutSeconds: notify.sendTimeoutSeconds },
    };
    const audit = createAuditActivities(launchDeps);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: this.config.temporalNamespace,
      taskQueue: this.config.taskQueue,
      maxCachedWorkflows: this.config.workerMaxCachedWorkflows,
      shutdownGraceTime: `${this.config.workerShutdownGraceSeconds}s`,
      ...(this.config.workflowBundlePath
        ? { workflowBundle: { codePath: this.config.workflowBundlePath } }
        : { workflowsPath: require.resolve('../../workflows') }),
      activities: {
        ...createCycleStageActivities(this.db),
        ...createDraftActivities(this.db),
        // Those the workflows give a heartbeat timeout (a dead worker is noticed in 30 s).
        ...heartbeating(createEntryActivities(this.db, audit.sealAuditTrail)),
        ...heartbeating(createScreeningActivities(this.db)),
        ...createDeskEntryActivities(this.db),
        ...heartbeating(createDeskStageActivities(launchDeps)),
        ...createSelectionActivities(this.db, notifyDeps),
        ...heartbeating(createInterviewStageActivities(this.db)),
        ...heartbeating(createPlenaryActivities(this.db)),
        ...createInterviewEntryActivities(this.db),
        ...createFanOutActivities(launchDeps),
        ...createYearlyCycleActivities(launchDeps),
        ...heartbeating(audit),
        ...createNotifyActivities(notifyDeps),
        ...createDeliveryActivities({
          db: this.db,
          mailer: this.mailer,
          from: notify.from,
          webhooksAllowPrivate: notify.webhooksAllowPrivate,
          sendTimeoutSeconds: notify.sendTimeoutSeconds,
          crashAfterSmtpAccept: process.env.TAHAP_TEST_CRASH_AFTER_SMTP_ACCEPT === '1',
        }),
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
    this.mailer?.close();
  }
}
