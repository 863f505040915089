import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ScreeningDecisionDto {
  @ApiProperty()
  @IsUUID('all', { message: 'entryId must be the id of an entry' })
  entryId: string;

  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'], { message: 'outcome must be pass or fail' })
  outcome: 'pass' | 'fail';

  @ApiProperty({ example: 'Dokumen lengkap dan sesuai ketentuan', description: 'The agency reads it' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters; the agency reads it' })
  @MaxLength(2000)
  reason: string;
}

export class ScreeningDecisionsRequestDto {
  @ApiProperty({ type: [ScreeningDecisionDto], description: 'One decision, or many at once (at most 1000)' })
  @ValidateNested({ each: true })
  @Type(() => ScreeningDecisionDto)
  @ArrayMinSize(1, { message: 'decisions must hold at least one decision' })
  @ArrayMaxSize(1000, { message: 'decisions may hold at most 1000 decisions' })
  decisions: ScreeningDecisionDto[];
}
