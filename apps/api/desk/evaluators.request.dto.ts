import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LANGUAGES, ZONES, type Language, type Zone } from '../../../libs/domain';
import { Trimmed } from '../common/trimmed.decorator';

export class EvaluatorDto {
  @ApiProperty({ example: 'dewi.lestari@ui.ac.id', description: 'The e-mail of an evaluator account (POST /users)' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({
    example: ['univ-indonesia', 'kota-depok'],
    description: 'Agency codes the evaluator is affiliated with (employer included); never assigned their entries',
  })
  @ArrayMinSize(1, { message: 'affiliations must name at least the evaluator’s own institution' })
  @ArrayMaxSize(50)
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { each: true, message: 'affiliations must be agency codes such as kota-depok' })
  affiliations: string[];

  @ApiPropertyOptional({ example: 'Jawa Barat', description: 'Their province, for templates that avoid it' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  province?: string;

  @ApiPropertyOptional({ enum: ZONES, default: 'WIB', description: 'Deadlines in their notices are shown in it' })
  @IsOptional()
  @IsIn(ZONES, { message: `zone must be one of ${ZONES.join(', ')}` })
  zone?: Zone;

  @ApiPropertyOptional({ enum: LANGUAGES, default: 'id' })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language?: Language;
}

export class AddEvaluatorsRequestDto {
  @ApiProperty({ type: [EvaluatorDto], description: 'One evaluator or many (at most 500); all are added or none' })
  @ValidateNested({ each: true })
  @Type(() => EvaluatorDto)
  @ArrayMinSize(1, { message: 'evaluators must hold at least one evaluator' })
  @ArrayMaxSize(500, { message: 'evaluators may hold at most 500 evaluators' })
  evaluators: EvaluatorDto[];
}
