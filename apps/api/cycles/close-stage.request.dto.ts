import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CloseStageRequestDto {
  @ApiPropertyOptional({ example: 'Semua entri sudah diputuskan' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
