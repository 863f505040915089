import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageQueryDto } from '../common/page.query.dto';

export class ListDeliveriesQueryDto extends PageQueryDto {
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
}
