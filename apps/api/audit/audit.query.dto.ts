import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';
import { IsInstant } from '../common/is-instant.decorator';

/** Visibility queries are built from these values, so each is held to the shape of the keys it matches. */
const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const KEY_MESSAGE = (field: string) =>
  `${field} must be a key such as PKRI-2024 or kota-depok (letters, digits, . _ -)`;

export const EXECUTION_STATUSES = ['Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'TimedOut'] as const;
export const ENTRY_STATUSES = ['active', 'completed', 'withdrawn', 'eliminated'] as const;
export const WORKFLOW_TYPES = ['cycleWorkflow', 'entryWorkflow', 'yearlyCycleWorkflow', 'deliveryWorkflow'] as const;

export class FindWorkflowsQueryDto {
  @ApiPropertyOptional({ example: 'cycle-PKRI-2024' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE('cycleId') })
  cycleId?: string;

  @ApiPropertyOptional({ example: 'kab-banyuwangi' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE('agencyCode') })
  agencyCode?: string;

  @ApiPropertyOptional({ example: 'desk', description: 'The stage the workflow is in (or ended in)' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE('stage') })
  stage?: string;

  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: `entryStatus must be one of ${ENTRY_STATUSES.join(', ')}` })
  entryStatus?: (typeof ENTRY_STATUSES)[number];

  @ApiPropertyOptional({ enum: EXECUTION_STATUSES })
  @IsOptional()
  @IsIn(EXECUTION_STATUSES, { message: `executionStatus must be one of ${EXECUTION_STATUSES.join(', ')}` })
  executionStatus?: (typeof EXECUTION_STATUSES)[number];

  @ApiPropertyOptional({ enum: WORKFLOW_TYPES })
  @IsOptional()
  @IsIn(WORKFLOW_TYPES, { message: `type must be one of ${WORKFLOW_TYPES.join(', ')}` })
  type?: (typeof WORKFLOW_TYPES)[number];

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be from 1 to 1000' })
  @Max(1000, { message: 'limit must be from 1 to 1000' })
  limit?: number;
}

export class RunQueryDto {
  @ApiPropertyOptional({ description: 'A run of the workflow; the latest when absent' })
  @IsOptional()
  @IsUUID('all', { message: 'runId must be a run id (a UUID) as `audit find` lists it' })
  runId?: string;
}

export class LanguageQueryDto extends RunQueryDto {
  @ApiPropertyOptional({ enum: ['id', 'en'], default: 'id' })
  @IsOptional()
  @IsIn(['id', 'en'], { message: 'lang must be id (Bahasa Indonesia) or en (English)' })
  lang?: 'id' | 'en';
}

export class PointInTimeQueryDto {
  @ApiPropertyOptional({ example: 42, description: 'The entry as it stood right after this event of its history' })
  // Checked whenever given, and required when `at` is not.
  @ValidateIf((query: PointInTimeQueryDto) => query.at === undefined || query.eventId !== undefined)
  @Type(() => Number)
  @IsInt({ message: 'give eventId (a whole number) or at (an instant such as 2024-07-12T02:00:00Z)' })
  @Min(1, { message: 'eventId must be at least 1' })
  eventId?: number;

  @ApiPropertyOptional({ example: '2024-07-12T02:00:00Z', description: 'Or: as it stood at this instant' })
  @IsOptional()
  @IsInstant('at')
  at?: string;
}

export class AuditLogQueryDto {
  @ApiPropertyOptional({ example: 'cycle-PKRI-2024' })
  @IsOptional()
  @Matches(KEY, { message: KEY_MESSAGE('cycleId') })
  cycleId?: string;

  @ApiPropertyOptional({ description: 'Rows after this sequence number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'afterSeq must be a whole number' })
  @Min(0, { message: 'afterSeq must be 0 or more' })
  afterSeq?: number;

  @ApiPropertyOptional({ default: 500, maximum: 5000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be from 1 to 5000' })
  @Max(5000, { message: 'limit must be from 1 to 5000' })
  limit?: number;
}
