import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type EntryStageEventKind = 'entered' | 'completed';

/** An entry's stage history in the read model; the unique key makes a retried activity write nothing twice. */
@Entity('entry_stage_events')
@Unique('entry_stage_events_once', ['entryId', 'stageKey', 'kind'])
export class EntryStageEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid', name: 'entry_id' })
  entryId: string;

  @Column({ type: 'text', name: 'stage_key' })
  stageKey: string;

  @Column({ type: 'text' })
  kind: EntryStageEventKind;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  /** Why the entry got its outcome (screening, selection), as the agency reads it. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', name: 'occurred_at' })
  occurredAt: Date;
}
