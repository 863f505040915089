import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  FIELD_VISIT_MODES,
  FIELD_VISIT_OUTCOMES,
  type FieldVisitMode,
  type FieldVisitOutcome,
} from '../../../libs/domain';
import { Trimmed } from '../common/trimmed.decorator';

export class FieldVisitDto {
  @ApiProperty({ description: 'The entry to visit: an active entry of the cycle' })
  @IsUUID('all', { message: 'entryId must be the id of an entry of the cycle' })
  entryId: string;

  @ApiProperty({
    example: '2023-06-27',
    description: 'The day of the visit, YYYY-MM-DD in the stage’s zone, within the stage’s window',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a day written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar day' })
  date: string;

  @ApiProperty({ enum: FIELD_VISIT_MODES, description: 'On site at the agency, or a virtual check' })
  @IsIn(FIELD_VISIT_MODES, { message: `mode must be one of ${FIELD_VISIT_MODES.join(', ')}` })
  mode: FieldVisitMode;
}

export class PlanFieldVisitsRequestDto {
  @ApiProperty({ example: 'verifikasi-lapangan', description: 'The cycle’s field-verification stage' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'stageKey must be a stage key such as verifikasi-lapangan' })
  @MaxLength(100)
  stageKey: string;

  @ApiProperty({
    type: [FieldVisitDto],
    description: 'The visits to plan (at most 500); all are planned or none. Visitors are chosen by the engine.',
  })
  @ValidateNested({ each: true })
  @Type(() => FieldVisitDto)
  @ArrayMinSize(1, { message: 'visits must hold at least one visit' })
  @ArrayMaxSize(500, { message: 'visits may hold at most 500 visits' })
  visits: FieldVisitDto[];
}

export class RecordFieldVisitOutcomeRequestDto {
  @ApiProperty({ enum: FIELD_VISIT_OUTCOMES })
  @IsIn(FIELD_VISIT_OUTCOMES, { message: `outcome must be one of ${FIELD_VISIT_OUTCOMES.join(', ')}` })
  outcome: FieldVisitOutcome;

  @ApiProperty({ example: 'Layanan berjalan di 24 puskesmas; register pasien dan aplikasi diperiksa langsung.' })
  @Trimmed()
  @IsString({ message: 'notes must be text' })
  @MinLength(10, { message: 'notes must be at least 10 characters: say what was seen and how' })
  @MaxLength(4000, { message: 'notes may be at most 4000 characters' })
  notes: string;
}
