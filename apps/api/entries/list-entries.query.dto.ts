import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CLUSTERS } from '../../../libs/domain';
import { PageQueryDto } from '../common/page.query.dto';

export const ENTRY_STATUSES = ['active', 'completed', 'withdrawn', 'eliminated'] as const;

export class ListEntriesQueryDto extends PageQueryDto {
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
}
