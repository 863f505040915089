import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Trimmed } from '../common/trimmed.decorator';

export class DeskScoreRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { kebaruan: 80, efektivitas: 75, kemanfaatan: 90, 'kemudahan-replikasi': 70, keberlanjutan: 85 },
    description: 'A number for every criterion of the entry’s rubric, within its scale',
  })
  @IsObject({ message: 'scores must be an object with a number for each criterion' })
  scores: Record<string, number>;

  @ApiPropertyOptional({ description: 'Why you scored so; required where the template says' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;
}

export class DeclareConflictRequestDto {
  @ApiProperty({ example: 'Saya pernah menjadi konsultan program ini pada 2022.' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(2000)
  reason: string;
}

export class ReassignRequestDto {
  @ApiProperty({ description: 'The evaluator to take off the entry' })
  @IsUUID('all', { message: 'remove must be the id of an evaluator' })
  remove: string;

  @ApiPropertyOptional({
    description: 'The evaluator to put on it; the least-loaded one without a conflict if left out',
  })
  @IsOptional()
  @IsUUID('all', { message: 'add must be the id of an evaluator' })
  add?: string;

  @ApiProperty({ example: 'Evaluator sakit selama masa penilaian.' })
  @Trimmed()
  @IsString()
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(2000)
  reason: string;
}
