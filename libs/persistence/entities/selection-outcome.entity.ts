import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numeric } from './numeric.transformer';

/** Where one entry stands in one selection, and why, in words an admin can read. */
@Entity('selection_outcomes')
export class SelectionOutcomeEntity {
  @PrimaryColumn({ type: 'bigint', name: 'selection_id' })
  selectionId: string;

  @PrimaryColumn({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'integer', name: 'overall_rank' })
  overallRank: number;

  @Column({ type: 'integer', name: 'rank_in_cell' })
  rankInCell: number;

  @Column({ type: 'numeric', transformer: numeric })
  score: number;

  @Column({ type: 'boolean' })
  selected: boolean;

  @Column({ type: 'boolean', name: 'via_3t' })
  via3T: boolean;

  @Column({ type: 'text' })
  explanation: string;
}
