import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class OpenStageRequestDto {
  @ApiProperty({
    example: 'Seleksi administrasi selesai lebih cepat; evaluasi desk dimulai hari ini',
    description: 'Why the stage opens before its calendar instant; kept in the cycle’s history',
  })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(1000)
  reason: string;
}
