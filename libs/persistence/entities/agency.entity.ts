import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Cluster, Zone } from '../../domain';
import type { AgencyContact, Language } from '../../domain/agency/agency-profile';

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

  @Column({ type: 'jsonb' })
  contacts: AgencyContact[];

  /** The language its notices are written in; Indonesian unless the agency chose English. */
  @Column({ type: 'text' })
  language: Language;

  /** Channels besides the in-app inbox, which always receives: `email`, `webhook`. */
  @Column({ type: 'text', array: true })
  channels: ('email' | 'webhook')[];

  /** In a daerah 3T (tertinggal, terdepan, terluar): selection may reserve a minimum share for these. */
  @Column({ type: 'boolean', name: 'region_3t' })
  region3T: boolean;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
