import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Language } from '../../domain/agency/agency-profile';

/** `unresolved`: the window closed before an admin decided; the objector is told so. */
export type ObjectionStatus = 'open' | 'upheld' | 'dismissed' | 'unresolved';

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

  @Column({ type: 'text' })
  status: ObjectionStatus;

  @Column({ type: 'text', name: 'resolution_reason', nullable: true })
  resolutionReason: string | null;

  @Column({ type: 'uuid', name: 'resolved_by', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;
}
