import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class WithdrawEntryRequestDto {
  @ApiProperty({ example: 'Inovasi akan didaftarkan tahun depan' })
  @Trimmed()
  @IsString()
  @MinLength(3, { message: 'reason must be at least 3 characters' })
  @MaxLength(1000)
  reason: string;
}
