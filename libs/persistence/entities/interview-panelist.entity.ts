import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A panelist sitting on one panel of an interview stage, with the affiliations the conflict rules read. */
@Entity('interview_panelists')
export class InterviewPanelistEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'text', name: 'panel_key' })
  panelKey: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text', array: true })
  affiliations: string[];

  @Column({ type: 'text', nullable: true })
  province: string | null;
}
