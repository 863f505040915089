import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CLUSTERS } from '../../../libs/domain';

export const ENTRY_STATUSES = ['active', 'completed', 'withdrawn', 'eliminated'] as const;

export class ListEntriesQueryDto {
  @ApiPropertyOptional({ description: 'Stage key the entries are in' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  stage?: string;

  @ApiPropertyOptional({ enum: CLUSTERS })
  @IsOptional()
  @IsIn(CLUSTERS, { message: `cluster must be one of ${CLUSTERS.join(', ')}` })
  cluster?: string;

  @ApiPropertyOptional({ description: 'Group (kelompok) key' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  group?: string;

  @ApiPropertyOptional({ enum: ENTRY_STATUSES })
  @IsOptional()
  @IsIn(ENTRY_STATUSES, { message: `status must be one of ${ENTRY_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(1_000_000, { message: 'page must be at most 1000000' })
  page?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number' })
  @Min(1, { message: 'pageSize must be from 1 to 500' })
  @Max(500, { message: 'pageSize must be from 1 to 500' })
  pageSize?: number;
}
