import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An evaluator or panelist given an entry; they may read only the entries assigned to them. */
@Entity('entry_assignments')
export class EntryAssignmentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @PrimaryColumn({ type: 'uuid', name: 'user_id' })
  userId: string;

  @PrimaryColumn({ type: 'text' })
  role: 'evaluator' | 'panelist';

  @Column({ type: 'timestamptz', name: 'assigned_at' })
  assignedAt: Date;
}
