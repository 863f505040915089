import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Min } from 'class-validator';

export class CreateCycleRequestDto {
  @ApiProperty({ example: 'pkri-2024', description: 'Key of the competition template' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'templateKey must be a lowercase slug such as pkri-2024' })
  templateKey: string;

  @ApiPropertyOptional({ example: 1, description: 'Template version; the latest when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  templateVersion?: number;
}
