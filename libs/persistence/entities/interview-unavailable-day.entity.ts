import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A day (in the agency's zone) on which an agency declared it cannot present. */
@Entity('interview_unavailable_days')
export class InterviewUnavailableDayEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text', name: 'agency_code' })
  agencyCode: string;

  /** `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'uuid', name: 'declared_by', nullable: true })
  declaredBy: string | null;

  @Column({ type: 'timestamptz', name: 'declared_at', default: () => 'now()' })
  declaredAt: Date;
}
