import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An evaluator given an entry in a desk stage, and why. Ended rather than deleted, so every change keeps its reason. */
@Entity('desk_assignments')
export class DeskAssignmentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'uuid', name: 'user_id' })
  userId: string;

  @Column({ type: 'text' })
  reason: string;

  /** `engine`, or the id of the admin or evaluator whose action led to it. */
  @Column({ type: 'text', name: 'assigned_by' })
  assignedBy: string;

  @Column({ type: 'timestamptz', name: 'assigned_at' })
  assignedAt: Date;

  /** Set when this evaluator may score after the stage's deadline (a missing score extended or reassigned). */
  @Column({ type: 'timestamptz', name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', name: 'ended_at', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', name: 'ended_reason', nullable: true })
  endedReason: string | null;
}
