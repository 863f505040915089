import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Zone } from '../../domain';
import type { Language } from '../../domain/agency/agency-profile';

/** An evaluator taking part in one cycle, with the affiliations they declared (agency codes, their employer too). */
@Entity('cycle_evaluators')
export class CycleEvaluatorEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text', array: true })
  affiliations: string[];

  @Column({ type: 'text', nullable: true })
  province: string | null;

  @Column({ type: 'text' })
  zone: Zone;

  @Column({ type: 'text' })
  language: Language;

  @Column({ type: 'uuid', name: 'added_by', nullable: true })
  addedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'added_at' })
  addedAt: Date;
}
