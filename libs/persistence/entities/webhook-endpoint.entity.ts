import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where an agency's system receives signed notices (Standard Webhooks). */
@Entity('webhook_endpoints')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'agency_code' })
  agencyCode: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text', select: false })
  secret: string;

  /** After a rotation both secrets sign, until this instant, so the receiver can switch without losing a notice. */
  @Column({ type: 'text', name: 'previous_secret', nullable: true, select: false })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', name: 'previous_secret_until', nullable: true })
  previousSecretUntil: Date | null;

  @Column({ type: 'text' })
  status: 'active' | 'disabled';

  @Column({ type: 'text', name: 'disabled_reason', nullable: true })
  disabledReason: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
