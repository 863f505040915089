import { Inject, Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import type { Db } from '../../../libs/persistence';
import { latestSinkMessages, sinkMessageRaw } from '../../../libs/persistence/mail-sink';

export interface SinkFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** What the local SMTP sink received: the list, each message as sent, and its attachments. */
@Injectable()
export class MailSinkService {
  constructor(@Inject(DB) private readonly db: Db) {}

  latest(to?: string) {
    return latestSinkMessages(this.db, to);
  }

  /** The message as its recipient's mail program received it, as an `.eml` file. */
  async raw(id: string): Promise<SinkFile> {
    const raw = await this.rawOrNotFound(id);
    return { filename: `surat-${id}.eml`, contentType: 'message/rfc822', content: Buffer.from(raw, 'utf8') };
  }

  /** One attachment, by its position in the message (0 first), with its own name and type. */
  async attachment(id: string, index: number): Promise<SinkFile> {
    const parsed = await simpleParser(await this.rawOrNotFound(id));
    const attachment = parsed.attachments[index];
    if (!attachment) {
      throw new DomainError(
        ErrorCode.MailNotFound,
        `Message ${id} has ${parsed.attachments.length} attachment(s); there is none at position ${index}.`,
      );
    }
    return {
      filename: attachment.filename ?? `lampiran-${index + 1}`,
      contentType: attachment.contentType,
      content: attachment.content,
    };
  }

  private async rawOrNotFound(id: string): Promise<string> {
    const raw = await sinkMessageRaw(this.db, id);
    if (raw === null) throw new DomainError(ErrorCode.MailNotFound, `The mail sink has no message ${id}.`);
    return raw;
  }
}
