import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every try of every delivery, with what happened: the delivery log admins read. */
@Entity('delivery_attempts')
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'bigint', name: 'delivery_id' })
  deliveryId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  /** accepted (2xx / SMTP 250), failed (will be retried), gone (410: endpoint disabled), refused (SSRF rule). */
  @Column({ type: 'text' })
  outcome: 'accepted' | 'failed' | 'gone' | 'refused';

  @Column({ type: 'text' })
  detail: string;
}
