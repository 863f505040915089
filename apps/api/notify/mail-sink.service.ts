import { Inject, Injectable } from '@nestjs/common';
import { DB } from '../../../libs/infrastructure';
import type { Db } from '../../../libs/persistence';
import { latestSinkMessages } from '../../../libs/persistence/mail-sink';

/** What the local SMTP sink received. */
@Injectable()
export class MailSinkService {
  constructor(@Inject(DB) private readonly db: Db) {}

  latest(to?: string) {
    return latestSinkMessages(this.db, to);
  }
}
