import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CreateApiKeyRequestDto {
  @ApiProperty({ example: 'SIPP Banyuwangi', description: 'What the key is for, so it can be recognised and revoked' })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  name: string;
}
