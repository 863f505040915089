import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ScreeningOutcome = 'pass' | 'fail';
/** `rule`: the template's completeness rules; `admin`: a person; `default`: undecided when the stage closed. */
export type ScreeningDecider = 'rule' | 'admin' | 'default';

@Entity('screening_decisions')
export class ScreeningDecisionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text' })
  outcome: ScreeningOutcome;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', name: 'decided_by' })
  decidedBy: ScreeningDecider;

  @Column({ type: 'uuid', name: 'decided_by_user', nullable: true })
  decidedByUser: string | null;

  @Column({ type: 'timestamptz', name: 'decided_at' })
  decidedAt: Date;
}
