import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Cluster } from '../../domain';

/** `eliminated`: failed a stage (screening); `withdrawn`: the agency took it back before the deadline. */
export type EntryStatus = 'active' | 'completed' | 'withdrawn' | 'eliminated';

/** One innovation registered in one cycle. The natural key (cycle, agency, title) is enforced by a unique index. */
@Entity('entries')
export class EntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'agency_code' })
  agencyCode: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'text', name: 'group_key' })
  groupKey: string;

  @Column({ type: 'text' })
  cluster: Cluster;

  @Column({ type: 'text' })
  status: EntryStatus;

  @Column({ type: 'text', name: 'current_stage' })
  currentStage: string;

  @Column({ type: 'text', name: 'workflow_id' })
  workflowId: string;

  /** The day the innovation started serving the public; the template's minimum age counts from it. */
  @Column({ type: 'date', name: 'launch_date', nullable: true })
  launchDate: string | null;

  @Column({ type: 'jsonb', name: 'evidence_links' })
  evidenceLinks: string[];

  /** For a replication: the original innovation's entry, from any cycle. */
  @Column({ type: 'uuid', name: 'replicates_entry_id', nullable: true })
  replicatesEntryId: string | null;

  /** The same innovation's entry in an earlier cycle, by the same agency (entering it again). */
  @Column({ type: 'uuid', name: 'continues_entry_id', nullable: true })
  continuesEntryId: string | null;

  /** The Idempotency-Key of the request that created it, unique per agency. */
  @Column({ type: 'text', name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  /** A digest of that request's body: the same key with a different body is refused. */
  @Column({ type: 'text', name: 'request_fingerprint', nullable: true })
  requestFingerprint: string | null;

  @Column({ type: 'timestamptz', name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
