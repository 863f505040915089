import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const URL_RULES = { protocols: ['https', 'http'], require_protocol: true };

/** The fields of an innovation an agency writes; shared by registration and edits. */
export class EntryFieldsDto {
  @ApiProperty({ example: 'Siswa Asuh Sebaya (SAS)' })
  @Trimmed()
  @IsString()
  @MinLength(3, { message: 'title must be at least 3 characters' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title: string;

  @ApiProperty({ example: 'Siswa yang mampu membantu biaya pendidikan teman satu sekolah yang kurang mampu.' })
  @Trimmed()
  @IsString()
  @MinLength(10, { message: 'summary must be at least 10 characters' })
  @MaxLength(20000, { message: 'summary must be at most 20000 characters' })
  summary: string;

  @ApiProperty({ example: '2011-07-01', description: 'The day the innovation started serving the public' })
  @IsISO8601({ strict: true }, { message: 'launchDate must be a date such as 2011-07-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'launchDate must be a date such as 2011-07-01' })
  launchDate: string;

  @ApiProperty({ example: ['https://banyuwangikab.go.id/inovasi/sas'], description: 'Links to evidence' })
  @IsArray({ message: 'evidenceLinks must be a list of links' })
  @ArrayMaxSize(100, { message: 'evidenceLinks may hold at most 100 links' })
  @IsUrl(URL_RULES, { each: true, message: 'each evidence link must be an http(s) URL' })
  @MaxLength(2000, { each: true, message: 'each evidence link must be at most 2000 characters' })
  evidenceLinks: string[];

  @ApiPropertyOptional({ description: 'For a replication: the entry of the original innovation, from any cycle' })
  @IsOptional()
  @IsUUID('all', { message: 'replicatesEntryId must be the id of an entry' })
  replicatesEntryId?: string;

  @ApiPropertyOptional({
    description:
      'Entering the same innovation again: your own entry of it in an earlier cycle (any programme), not withdrawn. ' +
      'Where the submission stage sets refuseEarlierTopTierWinners or maxEarlierFinalistTimes, an innovation that was ' +
      'a winner, or on the final list more often than allowed, in earlier years (any entry linked this way, by its ' +
      'announced decision in force) is refused with 422 REGISTRATION.NOT_ELIGIBLE naming those entries ' +
      '(earlierEntries); checked when the link is declared, at registration or by an edit that sets or changes it',
  })
  @IsOptional()
  @IsUUID('all', { message: 'continuesEntryId must be the id of an entry' })
  continuesEntryId?: string;
}

export class RegisterEntryRequestDto extends EntryFieldsDto {
  @ApiPropertyOptional({
    example: 'kab-banyuwangi',
    description: 'Only when an admin registers on an agency’s behalf; an agency registers for itself',
  })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'agencyCode must be the code of an agency (a lowercase slug)' })
  agencyCode?: string;

  @ApiProperty({ example: 'keberlanjutan', description: 'Group (kelompok) key from the cycle template' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  group: string;
}
