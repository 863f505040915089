import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MIN_OVERRIDE_REASON_LENGTH } from '../../../libs/domain';
import { Trimmed } from '../common/trimmed.decorator';

export class PlenaryAttendanceRequestDto {
  @ApiPropertyOptional({ description: 'The panelist (an admin records anyone; a panelist only themself)' })
  @IsOptional()
  @IsUUID('all', { message: 'panelistId must be the id of a panelist account' })
  panelistId?: string;

  @ApiProperty({ description: 'true when present, false when they left' })
  @IsBoolean({ message: 'present must be true or false' })
  present: boolean;
}

export class OverrideRequestDto {
  @ApiProperty({ description: 'The entry moved' })
  @IsUUID('all', { message: 'entryId must be the id of an entry in the plenary’s ranking' })
  entryId: string;

  @ApiProperty({ enum: ['in', 'out'], description: 'in: into the winners of its cluster and group; out: out of them' })
  @IsIn(['in', 'out'], { message: 'direction must be "in" or "out"' })
  direction: 'in' | 'out';

  @ApiProperty({ example: 'Replikasi di 24 puskesmas terbukti menurunkan angka stunting secara terukur.' })
  @Trimmed()
  @IsString({ message: 'reason must be a text' })
  @MinLength(MIN_OVERRIDE_REASON_LENGTH, {
    message: `reason must say why the plenary departs from the ranking, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters`,
  })
  @MaxLength(2000)
  reason: string;
}

export class VoteRequestDto {
  @ApiProperty({
    example: 'decision',
    description: '"decision" (the proposed winners as they stand) or an override id',
  })
  @IsString()
  @Matches(/^(decision|override-[1-9]\d{0,4})$/, {
    message: 'on must be "decision" or an override id such as override-1',
  })
  on: string;

  @ApiProperty({ enum: ['approve', 'reject', 'abstain'] })
  @IsIn(['approve', 'reject', 'abstain'], { message: 'vote must be approve, reject or abstain' })
  vote: 'approve' | 'reject' | 'abstain';
}

export class CorrectionMoveDto {
  @ApiProperty()
  @IsUUID('all', { message: 'entryId must be the id of an entry in the decision' })
  entryId: string;

  @ApiProperty({ enum: ['in', 'out'] })
  @IsIn(['in', 'out'], { message: 'direction must be "in" or "out"' })
  direction: 'in' | 'out';
}

export class CorrectionRequestDto {
  @ApiProperty({ example: '1/PKRI-2024', description: 'The decision corrected: the one in force' })
  @IsString()
  @Matches(/^[1-9]\d*\/[A-Z0-9-]+-\d{4}$/, { message: 'supersedes must be a decision number such as 1/PKRI-2024' })
  supersedes: string;

  @ApiProperty({ example: 'Nilai wawancara Kota Palopo salah dicatat; berkas asli menunjukkan 88,00.' })
  @Trimmed()
  @IsString({ message: 'reason must be a text' })
  @MinLength(MIN_OVERRIDE_REASON_LENGTH, {
    message: `reason must say why the decision is corrected, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters`,
  })
  @MaxLength(2000)
  reason: string;

  @ApiProperty({ type: [CorrectionMoveDto] })
  @IsArray({ message: 'moves must be a list' })
  @ArrayMinSize(1, { message: 'moves must name at least one entry' })
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CorrectionMoveDto)
  moves: CorrectionMoveDto[];
}

export class DecisionExportQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'csv', 'html'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'html'], { message: 'format must be json, csv or html' })
  format?: 'json' | 'csv' | 'html';
}
