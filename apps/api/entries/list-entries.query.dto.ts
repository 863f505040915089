import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({
    description: 'Code of the agency whose entries to list (an agency account sees only its own whatever this says)',
    example: 'kab-banyuwangi',
  })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'agencyCode must be the code of an agency' })
  @MaxLength(64)
  agencyCode?: string;

  @ApiPropertyOptional({ description: 'Words the title contains, in any letter case', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'search must be at most 200 characters' })
  search?: string;
}
