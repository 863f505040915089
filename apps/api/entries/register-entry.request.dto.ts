import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RegisterEntryRequestDto {
  @ApiProperty({ example: 'kab-banyuwangi', description: 'The registering agency; the entry takes its cluster' })
  @IsString()
  @MinLength(1)
  agencyCode: string;

  @ApiProperty({ example: 'Siswa Asuh Sebaya (SAS)' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: 'Siswa yang mampu membantu biaya pendidikan teman satu sekolah yang kurang mampu.' })
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  summary: string;

  @ApiProperty({ example: 'keberlanjutan', description: 'Group (kelompok) key from the cycle template' })
  @IsString()
  @MinLength(1)
  group: string;
}
