import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Cluster } from '../../domain';

export type EntryStatus = 'active' | 'completed' | 'withdrawn';

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

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
