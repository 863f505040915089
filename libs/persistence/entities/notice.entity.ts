import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One notice in an agency's (or a person's) in-app inbox. `key` (workflow id plus event) makes a repeated send a no-op. */
@Entity('notices')
export class NoticeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  key: string;

  /** The agency told, or null when the notice is to a person (an evaluator, an objector). */
  @Column({ type: 'text', name: 'agency_code', nullable: true })
  agencyCode: string | null;

  @Column({ type: 'text', name: 'recipient_email', nullable: true })
  recipientEmail: string | null;

  /** The account whose in-app inbox shows a notice to a person, when the person has one. */
  @Column({ type: 'uuid', name: 'user_id', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  language: string;

  /** A file sent with the notice (an iCalendar invitation), on every channel. */
  @Column({ type: 'jsonb', nullable: true })
  attachment: { filename: string; contentType: string; content: string } | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'read_at', nullable: true })
  readAt: Date | null;
}
