import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { CLUSTERS, ZONES, type Cluster, type Zone } from '../../../libs/domain';

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
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  province: string;

  @ApiProperty({ enum: ZONES, description: 'The agency’s own time zone; every instant it is shown names it' })
  @IsIn(ZONES, { message: `zone must be one of ${ZONES.join(', ')}` })
  zone: Zone;
}
