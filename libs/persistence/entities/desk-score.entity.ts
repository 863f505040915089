import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

/** One version of one evaluator's score of one entry. Revisions add a version; none is ever overwritten. */
@Entity('desk_scores')
export class DeskScoreEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'integer' })
  version: number;

  /** Criterion key to the value given, on the criterion's scale. */
  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  /** 0–100: each criterion mapped onto 0–100 within its scale, weighted as the rubric says. */
  @Column({ type: 'numeric', transformer: numeric })
  weighted: number;

  /** The entry workflow's Update that submitted it: a retried recording finds its version instead of adding one. */
  @Column({ type: 'text', name: 'update_id' })
  updateId: string;

  @Column({ type: 'timestamptz', name: 'submitted_at' })
  submittedAt: Date;
}
