import { ApiProperty } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsIn } from 'class-validator';
import { LANGUAGES, type Language } from '../../../libs/domain';

export const OPTIONAL_CHANNELS = ['email', 'webhook'] as const;

export class PreferencesRequestDto {
  @ApiProperty({
    enum: OPTIONAL_CHANNELS,
    isArray: true,
    description: 'Channels besides the in-app inbox, which always receives',
  })
  @IsArray({ message: 'channels must be a list' })
  @ArrayUnique({ message: 'channels must not repeat a channel' })
  @IsIn(OPTIONAL_CHANNELS, { each: true, message: 'each channel must be email or webhook' })
  channels: ('email' | 'webhook')[];

  @ApiProperty({ enum: LANGUAGES })
  @IsIn(LANGUAGES, { message: `language must be one of ${LANGUAGES.join(', ')}` })
  language: Language;
}
