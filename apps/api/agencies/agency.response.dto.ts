import { ApiProperty } from '@nestjs/swagger';
import { CLUSTERS, LANGUAGES, ZONES, type Cluster, type Language, type Zone } from '../../../libs/domain';
import { AgencyContactDto } from './create-agency.request.dto';

/** A registered agency (instansi). */
export class AgencyDto {
  @ApiProperty({ example: 'kab-banyuwangi' })
  code: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten Banyuwangi' })
  name: string;

  @ApiProperty({ enum: [...CLUSTERS] })
  cluster: Cluster;

  @ApiProperty({ example: 'Jawa Timur' })
  province: string;

  @ApiProperty({ enum: [...ZONES] })
  zone: Zone;

  @ApiProperty({ type: [AgencyContactDto] })
  contacts: AgencyContactDto[];

  @ApiProperty({ enum: [...LANGUAGES] })
  language: Language;

  @ApiProperty({ enum: ['email', 'webhook'], isArray: true, description: 'Channels besides the in-app inbox' })
  channels: ('email' | 'webhook')[];

  @ApiProperty({ description: 'In a daerah 3T (tertinggal, terdepan, terluar)' })
  region3T: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class AgencyImportDto {
  @ApiProperty({ description: 'Agencies registered by the import' })
  imported: number;
}
