import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Cluster, Zone } from '../../domain';

/** An instansi taking part: a ministry, an agency, a province, a regency, a city or a state-owned company. */
@Entity('agencies')
export class AgencyEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  cluster: Cluster;

  @Column({ type: 'text' })
  province: string;

  @Column({ type: 'text' })
  zone: Zone;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
