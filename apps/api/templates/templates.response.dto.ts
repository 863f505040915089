import { ApiProperty, ApiPropertyOptional, type SchemaObject } from '@nestjs/swagger';
import { CLUSTERS, STAGE_TYPES, ZONES } from '../../../libs/domain';

/** Any JSON value. */
const anyJson: { oneOf: SchemaObject[] } = {
  oneOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'object', additionalProperties: true },
    { type: 'array', items: {} },
  ],
};

export class TemplateCriterionScaleDto {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
}

export class TemplateCriterionDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Percent; the weights of one rubric sum to 100' }) weight: number;
  @ApiProperty({ type: TemplateCriterionScaleDto }) scale: TemplateCriterionScaleDto;
}

export class TemplateRubricDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [TemplateCriterionDto] }) criteria: TemplateCriterionDto[];
}

/** Kelompok, each scored with one rubric. */
export class TemplateGroupDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The key of its rubric' }) rubric: string;
  @ApiPropertyOptional({ description: 'Entries of this group copy an earlier innovation and must name it' })
  replication?: boolean;
}

/** A stage's calendar as published: local wall-clock times in a named zone. */
export class TemplateStageWindowDto {
  @ApiProperty({ example: '2024-07-01T08:00', description: 'YYYY-MM-DDTHH:mm in the zone' }) opens: string;
  @ApiProperty({ example: '2024-07-31T23:59', description: 'YYYY-MM-DDTHH:mm in the zone' }) closes: string;
  @ApiProperty({ enum: [...ZONES] }) zone: string;
}

export class TemplateStageDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: [...STAGE_TYPES] }) type: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: TemplateStageWindowDto }) window: TemplateStageWindowDto;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] },
    description: 'Scalar parameters, checked per stage type',
  })
  params?: Record<string, string | number | boolean>;
}

/** A competition template as stored (CompetitionTemplate). */
export class TemplateDefinitionDto {
  @ApiProperty() key: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: [...CLUSTERS], isArray: true }) clusters: string[];
  @ApiProperty({ type: [TemplateGroupDto] }) groups: TemplateGroupDto[];
  @ApiProperty({ type: [TemplateRubricDto] }) rubrics: TemplateRubricDto[];
  @ApiProperty({ type: [TemplateStageDto] }) stages: TemplateStageDto[];
}

/** One stored version of a template; versions are never edited. */
export class TemplateVersionDto {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: TemplateDefinitionDto }) definition: TemplateDefinitionDto;
}

/** One difference between two versions. */
export class TemplateChangeDto {
  @ApiProperty({ description: 'Where in the template, e.g. `stages[desk].window.closes`' }) path: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) change: string;
  @ApiPropertyOptional({ ...anyJson, description: 'The value before (absent when added)' }) before?: unknown;
  @ApiPropertyOptional({ ...anyJson, description: 'The value after (absent when removed)' }) after?: unknown;
}

export class TemplateComparisonDto {
  @ApiProperty() key: string;
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [TemplateChangeDto] }) changes: TemplateChangeDto[];
}
