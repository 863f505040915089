import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed', 'disabled'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed', 'disabled'], {
    message: 'status must be one of pending, delivered, failed, disabled',
  })
  status?: 'pending' | 'delivered' | 'failed' | 'disabled';

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'agencyCode must be the code of an agency' })
  agencyCode?: string;

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
