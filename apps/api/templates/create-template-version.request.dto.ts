import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class CreateTemplateVersionRequestDto {
  @ApiProperty({
    description:
      'The competition template: key, programme, year, name, clusters, groups, rubrics and stages with their calendars (local times and a zone: WIB, WITA or WIT). Validated; errors name the field.',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  definition: Record<string, unknown>;
}
