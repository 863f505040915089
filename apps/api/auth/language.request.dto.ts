import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LANGUAGES, type Language } from '../../../libs/domain';

export class LanguageRequestDto {
  @ApiProperty({ enum: LANGUAGES, description: 'The portal language the person chose: Indonesian or English' })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language: Language;
}
