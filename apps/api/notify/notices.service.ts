import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { NoticeEvent } from '../../../activities/notify/notice-drafts';
import { sendNotices, type NotifyDeps } from '../../../activities/notify/notify.activities';
import type { TahapConfig } from '../../../libs/config';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';

/**
 * The API's way to tell someone of what an admin or evaluator just did: the same outbox and deliveries as `notify`,
 * with the worker's delivery settings.
 */
@Injectable()
export class NoticesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  get deps(): NotifyDeps {
    const { retryInitialSeconds, sendTimeoutSeconds } = this.config.notify;
    return {
      dataSource: this.dataSource,
      client: this.client,
      taskQueue: this.config.taskQueue,
      settings: { retryInitialSeconds, sendTimeoutSeconds },
    };
  }

  send(event: NoticeEvent) {
    return sendNotices(this.deps, event);
  }
}
