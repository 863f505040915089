import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ResolvedTemplate } from '../../domain';

export type CycleStatus = 'scheduled' | 'running' | 'completed';

@Entity('cycles')
export class CycleEntity {
  /** Also the cycle workflow's id, e.g. `cycle-pkri-2024`. */
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  programme: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text', name: 'template_key' })
  templateKey: string;

  @Column({ type: 'integer', name: 'template_version' })
  templateVersion: number;

  @Column({ type: 'jsonb', name: 'resolved_template' })
  resolvedTemplate: ResolvedTemplate;

  @Column({ type: 'text' })
  status: CycleStatus;

  /** When the workflow was asked to start, if not at creation. */
  @Column({ type: 'timestamptz', name: 'starts_at', nullable: true })
  startsAt: Date | null;

  /** While paused no stage opens or closes, and agencies cannot register, edit or withdraw. */
  @Column({ type: 'boolean' })
  paused: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'timestamptz', name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
