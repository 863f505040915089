import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InterviewAttendance = 'present' | 'absent' | 'no-show';

/** An entry's booking of a slot; a move keeps the booking and raises its sequence. Live until released. */
@Entity('interview_bookings')
export class InterviewBookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'uuid', name: 'slot_id' })
  slotId: string;

  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** 'engine' for the allocation, else the user who booked or last moved it. */
  @Column({ type: 'text', name: 'booked_by' })
  bookedBy: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'timestamptz', name: 'confirmed_at', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'released_at', nullable: true })
  releasedAt: Date | null;

  @Column({ type: 'text', name: 'released_reason', nullable: true })
  releasedReason: string | null;

  @Column({ type: 'text', nullable: true })
  attendance: InterviewAttendance | null;

  @Column({ type: 'text', name: 'attendance_by', nullable: true })
  attendanceBy: string | null;

  @Column({ type: 'timestamptz', name: 'attendance_at', nullable: true })
  attendanceAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
