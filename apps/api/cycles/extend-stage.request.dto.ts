import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsInstant } from '../common/is-instant.decorator';

export class ExtendStageRequestDto {
  @ApiProperty({ example: '2024-06-18T16:59:00Z', description: 'The new close instant; later than the current one' })
  @IsInstant('closesAt')
  closesAt: string;

  @ApiProperty({ example: 'Gangguan server SINOVIK pada hari terakhir', description: 'Told to the agencies' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters; agencies are told it' })
  @MaxLength(1000)
  reason: string;
}
