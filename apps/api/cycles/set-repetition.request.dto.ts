import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { ZONES, type Zone } from '../../../libs/domain';

export class SetRepetitionRequestDto {
  @ApiProperty({ example: 'pkri-2024', description: 'The template each year’s cycle is made from' })
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'templateKey must be a lowercase slug such as pkri-2024' })
  templateKey: string;

  @ApiProperty({ example: 1 })
  @IsInt({ message: 'templateVersion must be a whole number' })
  @Min(1)
  @Max(1_000_000)
  templateVersion: number;

  @ApiProperty({ example: 1, description: 'Month of the year the next cycle is started (1–12)' })
  @IsInt()
  @Min(1, { message: 'month must be from 1 to 12' })
  @Max(12, { message: 'month must be from 1 to 12' })
  month: number;

  @ApiProperty({ example: 15, description: 'Day of that month (1–28, so it exists every year)' })
  @IsInt()
  @Min(1, { message: 'day must be from 1 to 28' })
  @Max(28, { message: 'day must be from 1 to 28' })
  day: number;

  @ApiProperty({ example: '08:00', description: 'Local time of day in the given zone' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time must be HH:mm, for example 08:00' })
  time: string;

  @ApiProperty({ enum: ZONES })
  @IsIn(ZONES, { message: `zone must be one of ${ZONES.join(', ')}` })
  zone: Zone;
}
