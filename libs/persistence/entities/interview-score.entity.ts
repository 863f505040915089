import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

/** One version of one panelist's interview score of one entry. Revisions add a version; none is overwritten. */
@Entity('interview_scores')
export class InterviewScoreEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  /** The panelist. */
  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'numeric', transformer: numeric })
  weighted: number;

  @Column({ type: 'text', name: 'update_id', unique: true })
  updateId: string;

  @Column({ type: 'timestamptz', name: 'submitted_at', default: () => 'now()' })
  submittedAt: Date;
}
