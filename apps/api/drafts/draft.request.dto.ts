import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { Trimmed } from '../common/trimmed.decorator';

/**
 * A draft's content. Only the title is needed to keep one; the rest may be incomplete until submission, when the
 * draft must pass every rule of a registration.
 */
export class DraftContentRequestDto {
  @ApiProperty({ example: 'Siswa Asuh Sebaya (SAS)' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'title must not be empty: a draft needs a name' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'keberlanjutan',
    description: 'Group (kelompok) key from the cycle template',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  group?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: 'summary must be at most 20000 characters' })
  summary?: string;

  @ApiPropertyOptional({ type: String, example: '2011-07-01', nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsISO8601({ strict: true }, { message: 'launchDate must be a date such as 2011-07-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'launchDate must be a date such as 2011-07-01' })
  launchDate?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray({ message: 'evidenceLinks must be a list of links' })
  @ArrayMaxSize(100, { message: 'evidenceLinks may hold at most 100 links' })
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true },
    { each: true, message: 'each evidence link must be an http(s) URL' },
  )
  @MaxLength(2000, { each: true, message: 'each evidence link must be at most 2000 characters' })
  evidenceLinks?: string[];
}

export class SaveDraftRequestDto extends DraftContentRequestDto {
  @ApiProperty({ description: 'The revision this save was made over (from the draft as last read)' })
  @IsInt({ message: 'revision must be the whole number the draft was read with' })
  @Min(1)
  revision: number;
}

export class ReturnDraftRequestDto {
  @ApiProperty({ example: 'Lengkapi tautan bukti dukung dan ringkasan dampak.', description: 'What the unit must fix' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'note must be at least 5 characters: tell the unit what to fix' })
  @MaxLength(2000)
  note: string;
}
