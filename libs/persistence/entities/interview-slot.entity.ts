import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One slot of one panel, laid out from the template when the stage opens. */
@Entity('interview_slots')
export class InterviewSlotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'text', name: 'panel_key' })
  panelKey: string;

  @Column({ type: 'timestamptz', name: 'starts_at' })
  startsAt: Date;

  @Column({ type: 'timestamptz', name: 'ends_at' })
  endsAt: Date;

  @Column({ type: 'text', name: 'meeting_url' })
  meetingUrl: string;
}
