import { ApiProperty } from '@nestjs/swagger';
import { CLUSTERS } from '../../../libs/domain';

/** The screening decision, once the caller may see it. */
export class EntryScreeningDto {
  @ApiProperty({ enum: ['pass', 'fail'] }) outcome: string;
  @ApiProperty() reason: string;
  @ApiProperty({
    enum: ['rule', 'admin', 'default'],
    description: '`rule`: the template’s rules; `admin`: a person; `default`: undecided when the stage closed',
  })
  decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: Date;
}

/** An entry entering or completing a stage. */
export class EntryStageEventDto {
  @ApiProperty({ description: 'The stage key' }) stage: string;
  @ApiProperty({ enum: ['entered', 'completed'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the entry got its outcome' }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) at: Date;
}

/** An entry as the API shows it. */
export class EntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty({ required: false, description: 'Absent for an evaluator of a cycle under blind review' })
  agencyCode?: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) launchDate: string | null;
  @ApiProperty({ type: [String] }) evidenceLinks: string[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'For a replication: the original' })
  replicatesEntryId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'Its own entry in an earlier cycle' })
  continuesEntryId: string | null;
  @ApiProperty({ description: 'The group (kelompok) key' }) group: string;
  @ApiProperty({ enum: [...CLUSTERS] }) cluster: string;
  @ApiProperty({ enum: ['active', 'completed', 'withdrawn', 'eliminated'] }) status: string;
  @ApiProperty() currentStage: string;
  @ApiProperty() workflowId: string;
  @ApiProperty({ format: 'date-time' }) registeredAt: Date;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawnAt: Date | null;
  @ApiProperty({
    type: EntryScreeningDto,
    nullable: true,
    description: 'null until decided; an agency sees it once screening has closed',
  })
  screening: EntryScreeningDto | null;
  @ApiProperty({ type: [EntryStageEventDto], description: 'Oldest first' }) stageHistory: EntryStageEventDto[];
}
