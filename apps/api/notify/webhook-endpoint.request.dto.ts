import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class CreateWebhookRequestDto {
  @ApiProperty({ example: 'https://sipp.banyuwangikab.go.id/tahap/webhook' })
  @IsString()
  @MaxLength(2000)
  url: string;
}
