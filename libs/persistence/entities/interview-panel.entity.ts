import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One panel of an interview stage, with the meeting link its slots are held at. */
@Entity('interview_panels')
export class InterviewPanelEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @PrimaryColumn({ type: 'text', name: 'panel_key' })
  panelKey: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', name: 'meeting_url' })
  meetingUrl: string;
}
