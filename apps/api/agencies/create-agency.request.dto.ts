import { Trimmed } from '../common/trimmed.decorator';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CLUSTERS, LANGUAGES, ZONES, type Cluster, type Language, type Zone } from '../../../libs/domain';

export class AgencyContactDto {
  @ApiProperty({ example: 'Budi Santoso' })
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ example: 'inovasi@banyuwangikab.go.id' })
  @IsEmail({}, { message: 'contacts.email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: '+62 333 123456' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,20}$/, { message: 'contacts.phone must be a phone number such as +62 333 123456' })
  phone?: string;
}

export class CreateAgencyRequestDto {
  @ApiProperty({ example: 'kab-banyuwangi', description: 'Stable code of the instansi (lowercase slug)' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'code must be a lowercase slug such as kab-banyuwangi' })
  @MaxLength(64)
  code: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten Banyuwangi' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: CLUSTERS })
  @IsIn(CLUSTERS, { message: `cluster must be one of ${CLUSTERS.join(', ')}` })
  cluster: Cluster;

  @ApiProperty({ example: 'Jawa Timur' })
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  province: string;

  @ApiProperty({ enum: ZONES, description: 'The agency’s own time zone; every instant it is shown names it' })
  @IsIn(ZONES, { message: `zone must be one of ${ZONES.join(', ')}` })
  zone: Zone;

  @ApiPropertyOptional({ type: [AgencyContactDto], description: 'Who receives its notices (up to 10)' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AgencyContactDto)
  @ArrayMinSize(1, { message: 'contacts, when given, must hold at least one contact' })
  @ArrayMaxSize(10, { message: 'contacts may hold at most 10 contacts' })
  contacts?: AgencyContactDto[];

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id', description: 'Language of its notices' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;

  @ApiPropertyOptional({
    default: false,
    description: 'In a daerah 3T (tertinggal, terdepan, terluar); selection may reserve a share for these',
  })
  @IsOptional()
  @IsBoolean({ message: 'region3T must be true or false' })
  region3T?: boolean;
}
