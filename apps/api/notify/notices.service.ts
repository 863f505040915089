import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { sendNotices, type NoticeEvent, type NotifyDeps } from '../../../libs/notify';
import type { Db } from '../../../libs/persistence';

/**
 * The API's way to tell someone of what an admin or evaluator just did: the same outbox and deliveries as `notify`,
 * with the worker's delivery settings.
 */
@Injectable()
export class NoticesService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  get deps(): NotifyDeps {
    const { retryInitialSeconds, sendTimeoutSeconds } = this.config.notify;
    return {
      db: this.db,
      client: this.client,
      taskQueue: this.config.taskQueue,
      settings: { retryInitialSeconds, sendTimeoutSeconds },
    };
  }

  send(event: NoticeEvent) {
    return sendNotices(this.deps, event);
  }
}
