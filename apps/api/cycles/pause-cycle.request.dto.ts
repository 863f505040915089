import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class PauseCycleRequestDto {
  @ApiProperty({ example: 'Menunggu keputusan Menteri tentang jadwal' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(1000)
  reason: string;
}
