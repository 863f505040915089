import { ApiProperty } from '@nestjs/swagger';
import { CLUSTERS, type Cluster } from '../../../libs/domain';
import type { EntryStatus } from '../../../libs/persistence/entities';

const ENTRY_STATUSES: EntryStatus[] = ['active', 'completed', 'withdrawn', 'eliminated'];

/** An entry as lists show it: no idempotency data, no document bodies. */
export class EntrySummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'cycle-pkri-2024' })
  cycleId: string;

  @ApiProperty({
    example: 'kab-banyuwangi',
    required: false,
    description: 'Absent for an evaluator of a cycle under blind review',
  })
  agencyCode?: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: 'Group (kelompok) key from the cycle template' })
  group: string;

  @ApiProperty({ enum: [...CLUSTERS] })
  cluster: Cluster;

  @ApiProperty({ enum: ENTRY_STATUSES })
  status: EntryStatus;

  @ApiProperty({ example: 'submission' })
  currentStage: string;

  @ApiProperty()
  workflowId: string;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt: Date;
}

export class EntriesPageDto {
  @ApiProperty({ type: [EntrySummaryDto] })
  items: EntrySummaryDto[];

  @ApiProperty({ description: 'Entries in the whole filtered list' })
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class EntryCountDto {
  @ApiProperty({ description: 'The stage, cluster or group' })
  key: string;

  @ApiProperty({ enum: ENTRY_STATUSES })
  status: string;

  @ApiProperty()
  count: number;
}

export class DayCountDto {
  @ApiProperty({ example: '2026-12-04', description: 'The date in WIB, the ministry’s zone' })
  day: string;

  @ApiProperty({ description: 'Entries registered that day' })
  registrations: number;

  @ApiProperty({ description: 'Drafts started that day (a draft is not an entry until submitted)' })
  drafts: number;
}

export class EntriesDashboardDto {
  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  total: number;

  @ApiProperty({ type: [EntryCountDto] })
  byStage: EntryCountDto[];

  @ApiProperty({ type: [EntryCountDto] })
  byCluster: EntryCountDto[];

  @ApiProperty({ type: [EntryCountDto] })
  byGroup: EntryCountDto[];

  @ApiProperty({ type: [DayCountDto], description: 'Registrations and drafts per day, oldest first' })
  overTime: DayCountDto[];

  @ApiProperty({ description: 'Deliveries of the cycle’s notices whose latest round failed' })
  failedDeliveries: number;
}
