import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An entry the schedule could not place, and why. */
@Entity('interview_unplaced')
export class InterviewUnplacedEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @PrimaryColumn({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'text' })
  reason: string;
}
