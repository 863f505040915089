import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { LANGUAGES, type Language } from '../../../libs/domain';
import { OBJECTION_STATUSES, type ObjectionStatus } from '../../../libs/persistence/entities';
import { PageQueryDto } from '../common/page.query.dto';
import { Trimmed } from '../common/trimmed.decorator';

export class FileObjectionRequestDto {
  @ApiProperty({ description: 'The nominee objected to' })
  @IsUUID('all', { message: 'entryId must be the id of a nominee' })
  entryId: string;

  @ApiProperty({ example: 'Inovasi ini sudah tidak berjalan sejak 2023; situsnya tidak aktif.' })
  @Trimmed()
  @IsString()
  @MinLength(20, { message: 'reason must be at least 20 characters: say what is wrong and how you know' })
  @MaxLength(4000)
  reason: string;

  @ApiProperty({ example: 'Siti Rahma' })
  @Trimmed()
  @IsString()
  @MinLength(2, { message: 'contactName must be at least 2 characters' })
  @MaxLength(120)
  contactName: string;

  @ApiProperty({ example: 'siti.rahma@example.id', description: 'Where the resolution is sent' })
  @IsEmail({}, { message: 'contactEmail must be an e-mail address, to tell you the outcome' })
  @MaxLength(254)
  contactEmail: string;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class ResolveObjectionRequestDto {
  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  @IsIn(['upheld', 'dismissed'], { message: 'decision must be upheld or dismissed' })
  decision: 'upheld' | 'dismissed';

  @ApiProperty({ example: 'Verifikasi menunjukkan layanan tidak beroperasi sejak Maret 2023.' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters; the objector and the agency read it' })
  @MaxLength(2000)
  reason: string;
}

export class ConfirmObjectionRequestDto {
  @ApiProperty({ description: 'The secret from the link e-mailed to the objector (after `#kode=`)' })
  @IsString({ message: 'code must be the code from the confirmation link' })
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'code must be the code from the confirmation link, copied whole' })
  code: string;
}

export class ListObjectionsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: OBJECTION_STATUSES,
    description: 'Only objections of this status; unnamed, every confirmed one (unconfirmed ones do not count)',
  })
  @IsOptional()
  @IsIn(OBJECTION_STATUSES, { message: `status must be one of ${OBJECTION_STATUSES.join(', ')}` })
  status?: ObjectionStatus;
}
