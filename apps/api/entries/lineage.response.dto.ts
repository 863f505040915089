import { ApiProperty } from '@nestjs/swagger';
import { CLUSTERS, type Cluster } from '../../../libs/domain';
import type { EntryStatus } from '../../../libs/persistence';

const ENTRY_STATUSES: EntryStatus[] = ['active', 'completed', 'withdrawn', 'eliminated'];

/** One entry in a lineage: of another agency's, only what the competition makes public (no scores, no documents). */
export class LineageItemDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ example: 'Siswa Asuh Sebaya (SAS)' })
  title: string;

  @ApiProperty({
    example: 'kab-banyuwangi',
    required: false,
    description: 'Absent for an evaluator of a cycle under blind review',
  })
  agencyCode?: string;

  @ApiProperty({
    example: 'Pemerintah Kabupaten Banyuwangi',
    required: false,
    description: 'Absent for an evaluator of a cycle under blind review',
  })
  agencyName?: string;

  @ApiProperty({ example: 'cycle-pkri-2024' })
  cycleId: string;

  @ApiProperty({ example: 'pkri' })
  programme: string;

  @ApiProperty({ example: 2024 })
  year: number;

  @ApiProperty({ example: 'keberlanjutan', description: 'Group (kelompok) key from the cycle template' })
  group: string;

  @ApiProperty({ enum: [...CLUSTERS] })
  cluster: Cluster;

  @ApiProperty({
    enum: ENTRY_STATUSES,
    required: false,
    description: "Absent for another agency's entry (admins and auditors see it): only its public facts are shown",
  })
  status?: EntryStatus;

  @ApiProperty({
    type: String,
    format: 'date-time',
    required: false,
    description: "Absent for another agency's entry (admins and auditors see it)",
  })
  registeredAt?: Date;

  @ApiProperty({
    enum: ['winner', 'finalist', 'not-selected'],
    nullable: true,
    description:
      "Its result in the decision in force of its cycle, once announced; null before, and for another agency's entry unless it won",
  })
  result: 'winner' | 'finalist' | 'not-selected' | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1/PKRI-2024',
    description: 'The announced decision the result is from',
  })
  resultDecision: string | null;
}

export class LineageDto {
  @ApiProperty({ type: LineageItemDto, description: 'The entry asked about' })
  entry: LineageItemDto;

  @ApiProperty({
    type: [LineageItemDto],
    description: 'Every entry of the same innovation (linked by continuesEntryId), oldest cycle first',
  })
  innovation: LineageItemDto[];

  @ApiProperty({
    type: LineageItemDto,
    nullable: true,
    description: 'The original this innovation replicates, as named by its entry nearest in years to this one',
  })
  original: LineageItemDto | null;

  @ApiProperty({
    type: [LineageItemDto],
    description: 'Entries that replicate any entry of this innovation, not withdrawn; oldest cycle first, then agency',
  })
  replications: LineageItemDto[];
}
