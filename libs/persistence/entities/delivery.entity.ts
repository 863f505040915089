import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryChannel = 'email' | 'webhook';
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'disabled';

/**
 * One notice on one channel to one target (the agency's e-mail contacts, or one webhook endpoint). `round` 0 is
 * the first delivery; an admin's re-send is round 1, 2, …, a new recorded event rather than a silent retry.
 */
@Entity('deliveries')
export class DeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint', name: 'notice_id' })
  noticeId: string;

  @Column({ type: 'integer' })
  round: number;

  @Column({ type: 'text' })
  channel: DeliveryChannel;

  /** Comma-separated e-mail addresses, or a webhook endpoint id. */
  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  /** The e-mail Message-ID or webhook-id: derived from the notice key and round, the same on every retry. */
  @Column({ type: 'text', name: 'message_id' })
  messageId: string;

  /** The delivery workflow that sends it, fixed when the row is written: a delivery belongs to exactly one run. */
  @Column({ type: 'text', name: 'run_id' })
  runId: string;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
