import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every change to a booking: booked, moved, confirmed, released, kept-unconfirmed, attendance, no-show. */
@Entity('interview_booking_events')
export class InterviewBookingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'booking_id' })
  bookingId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'integer' })
  sequence: number;

  @Column({ type: 'uuid', name: 'from_slot_id', nullable: true })
  fromSlotId: string | null;

  @Column({ type: 'uuid', name: 'to_slot_id', nullable: true })
  toSlotId: string | null;

  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The entry workflow's Update that made the change: a retried activity finds it instead of repeating it. */
  @Column({ type: 'text', name: 'update_id', nullable: true, unique: true })
  updateId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
