import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

export interface DeskResultEvaluator {
  userId: string;
  weighted: number;
  normalised: number;
}

/** An entry's desk score when the stage closed: per evaluator raw and normalised, their mean, and disagreement. */
@Entity('desk_results')
export class DeskResultEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @PrimaryColumn({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'numeric', transformer: numeric })
  score: number;

  @Column({ type: 'numeric', transformer: numeric })
  spread: number;

  @Column({ type: 'boolean' })
  disagreement: boolean;

  @Column({ type: 'jsonb' })
  evaluators: DeskResultEvaluator[];

  @Column({ type: 'text' })
  normalisation: string;

  @Column({ type: 'timestamptz', name: 'computed_at' })
  computedAt: Date;
}
