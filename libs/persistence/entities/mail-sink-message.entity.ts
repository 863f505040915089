import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A message the local SMTP sink accepted (embedded default and tests; production sends to SMTP_URL). */
@Entity('mail_sink_messages')
export class MailSinkMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'message_id', nullable: true })
  messageId: string | null;

  @Column({ type: 'text', name: 'envelope_from' })
  envelopeFrom: string;

  @Column({ type: 'text', name: 'envelope_to', array: true })
  envelopeTo: string[];

  @Column({ type: 'text', nullable: true })
  subject: string | null;

  @Column({ type: 'text', name: 'text_body', nullable: true })
  textBody: string | null;

  @Column({ type: 'text', name: 'html_body', nullable: true })
  htmlBody: string | null;

  @Column({ type: 'jsonb' })
  attachments: { filename: string | null; contentType: string; size: number }[];

  @Column({ type: 'text', select: false })
  raw: string;

  @Column({ type: 'timestamptz', name: 'received_at' })
  receivedAt: Date;
}
