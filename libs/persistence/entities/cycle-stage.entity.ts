import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StageType, Zone } from '../../domain';

export type StageStatus = 'pending' | 'open' | 'closed';

/** One stage of one cycle. Registration and the cycle's close both lock this row, so they cannot interleave. */
@Entity('cycle_stages')
export class CycleStageEntity {
  @PrimaryColumn({ type: 'text', name: 'cycle_id' })
  cycleId: string;

  @PrimaryColumn({ type: 'text' })
  key: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  type: StageType;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  zone: Zone;

  @Column({ type: 'timestamptz', name: 'opens_at' })
  opensAt: Date;

  @Column({ type: 'timestamptz', name: 'closes_at' })
  closesAt: Date;

  @Column({ type: 'text' })
  status: StageStatus;

  @Column({ type: 'timestamptz', name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true })
  closedAt: Date | null;

  /** `schedule` when the window ran out, `admin` when an admin closed it early. */
  @Column({ type: 'text', name: 'closed_by', nullable: true })
  closedBy: 'schedule' | 'admin' | null;
}
