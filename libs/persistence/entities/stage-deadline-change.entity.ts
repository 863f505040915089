import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An admin moved a stage's close instant; the reason is kept with it. */
@Entity('stage_deadline_changes')
export class StageDeadlineChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'timestamptz', name: 'previous_closes_at' })
  previousClosesAt: Date;

  @Column({ type: 'timestamptz', name: 'closes_at' })
  closesAt: Date;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'text', name: 'requested_by' })
  requestedBy: string;

  @Column({ type: 'timestamptz', name: 'changed_at' })
  changedAt: Date;
}
