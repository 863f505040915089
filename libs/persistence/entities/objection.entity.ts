import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../../domain/agency/agency-profile';

/**
 * `unconfirmed`: filed, but its objector has not yet opened the link sent to their e-mail; it does not count (no
 * admin sees it, none decides it, and nobody is told of it at the close). `unresolved`: the window closed before an
 * admin decided; the objector is told so.
 */
export type ObjectionStatus = 'unconfirmed' | 'open' | 'upheld' | 'dismissed' | 'unresolved';
export const OBJECTION_STATUSES: ObjectionStatus[] = ['unconfirmed', 'open', 'upheld', 'dismissed', 'unresolved'];

/** A member of the public's objection to a nominee during uji publik, and the admin's resolution. */
@Entity('objections')
export class ObjectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', name: 'contact_name' })
  contactName: string;

  @Column({ type: 'text', name: 'contact_email' })
  contactEmail: string;

  @Column({ type: 'text' })
  language: Language;

  /** The client address it was filed from (null for objections filed before it was recorded). */
  @Column({ type: 'text', name: 'client_address', nullable: true, select: false })
  clientAddress: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'filed_at' })
  filedAt: Date;

  /** SHA-256 of the secret in the confirmation link, hex; only the link's holder can confirm. */
  @Column({ type: 'text', name: 'confirmation_digest', nullable: true, select: false })
  confirmationDigest: string | null;

  /** When the objector opened the link (null while unconfirmed). */
  @Column({ type: 'timestamptz', name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'text' })
  status: ObjectionStatus;

  @Column({ type: 'text', name: 'resolution_reason', nullable: true })
  resolutionReason: string | null;

  @Column({ type: 'uuid', name: 'resolved_by', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;
}
