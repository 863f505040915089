import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { IsInstant } from '../common/is-instant.decorator';

export class CreateCycleRequestDto {
  @ApiProperty({ example: 'pkri-2024', description: 'Key of the competition template' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'templateKey must be a lowercase slug such as pkri-2024' })
  templateKey: string;

  @ApiPropertyOptional({ example: 1, description: 'Template version; the latest when omitted' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  templateVersion?: number;

  @ApiPropertyOptional({
    example: '2024-04-28T17:00:00Z',
    description: 'Start the cycle at this instant instead of now; before its first stage closes',
  })
  @IsOptional()
  @IsInstant('startAt')
  startAt?: string;
}
