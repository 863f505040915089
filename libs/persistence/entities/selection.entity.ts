import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One numbered decision on the nominee list; an upheld objection adds a version, none is edited. */
@Entity('selections')
export class SelectionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  reason: string;

  /** The rules applied (passing grade, quotas, 3T share, tie-breaks) and the entries excluded, with why. */
  @Column({ type: 'jsonb' })
  rules: Record<string, unknown>;

  @Column({ type: 'text', name: 'created_by' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
