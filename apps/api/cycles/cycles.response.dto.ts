import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAGE_TYPES } from '../../../libs/domain';
import { TemplateGroupDto } from '../templates/templates.response.dto';

const nullableInstant = { type: String, nullable: true, format: 'date-time' } as const;
const CYCLE_STATUSES = ['scheduled', 'running', 'completed'];

/** A cycle in the list, without its template. */
export class CycleListItemDto {
  @ApiProperty({ example: 'cycle-pkri-2024', description: 'Also the cycle workflow’s id' }) id: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty() templateKey: string;
  @ApiProperty() templateVersion: number;
  @ApiProperty({ enum: CYCLE_STATUSES }) status: string;
  @ApiProperty({ description: 'While paused no stage opens or closes and agencies cannot change entries' })
  paused: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
}

export class CycleTemplateRefDto {
  @ApiProperty() key: string;
  @ApiProperty() version: number;
}

export class CycleStageDto {
  @ApiProperty() key: string;
  @ApiProperty({ enum: [...STAGE_TYPES] }) type: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['pending', 'open', 'closed'] }) status: string;
  @ApiProperty({ format: 'date-time' }) opensAt: Date;
  @ApiProperty({ format: 'date-time' }) closesAt: Date;
  @ApiProperty({ description: 'opensAt in the stage’s zone, e.g. `01 Jul 2024 08.00 WIB`' }) opensAtLocal: string;
  @ApiProperty({ description: 'closesAt in the stage’s zone' }) closesAtLocal: string;
  @ApiProperty(nullableInstant) openedAt: Date | null;
  @ApiProperty(nullableInstant) closedAt: Date | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['schedule', 'admin'],
    description: '`schedule` when the window ran out, `admin` when an admin closed it early',
  })
  closedBy: 'schedule' | 'admin' | null;
}

/** A cycle and its stages. */
export class CycleDto {
  @ApiProperty({ example: 'cycle-pkri-2024' }) id: string;
  @ApiProperty() programme: string;
  @ApiProperty() year: number;
  @ApiProperty({ type: CycleTemplateRefDto }) template: CycleTemplateRefDto;
  @ApiProperty({ enum: CYCLE_STATUSES }) status: string;
  @ApiProperty() paused: boolean;
  @ApiProperty({ ...nullableInstant, description: 'When the workflow was asked to start, if not at creation' })
  startsAt: Date | null;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty(nullableInstant) completedAt: Date | null;
  @ApiProperty({ type: [TemplateGroupDto] }) groups: TemplateGroupDto[];
  @ApiProperty({ type: [CycleStageDto], description: 'In calendar order' }) stages: CycleStageDto[];
}

export class CycleStageOpeningDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({
    enum: ['open', 'opening'],
    description: '`opening` (answered `202`): accepted; it opens once every entry has heard the stage before it closed',
  })
  status: 'open' | 'opening';
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while opening' })
  openedAt: string | null;
}

export class CycleStageClosureDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'date-time' }) closedAt: string;
}

export class CycleStageDeadlineDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'date-time' }) previousClosesAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

export class CyclePauseStateDto {
  @ApiProperty() paused: boolean;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class RepetitionTemplateDto {
  @ApiProperty() templateKey: string;
  @ApiProperty() templateVersion: number;
}

/** A range of a Temporal calendar spec (numbers). */
export class RepetitionNumberRangeDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() step: number;
}

/** A range of a Temporal calendar spec (month or weekday names). */
export class RepetitionNameRangeDto {
  @ApiProperty({ example: 'JANUARY' }) start: string;
  @ApiProperty({ example: 'JANUARY' }) end: string;
  @ApiProperty() step: number;
}

/** The schedule's calendar as Temporal describes it. */
export class RepetitionCalendarDto {
  @ApiProperty({ type: [RepetitionNumberRangeDto] }) second: RepetitionNumberRangeDto[];
  @ApiProperty({ type: [RepetitionNumberRangeDto] }) minute: RepetitionNumberRangeDto[];
  @ApiProperty({ type: [RepetitionNumberRangeDto] }) hour: RepetitionNumberRangeDto[];
  @ApiProperty({ type: [RepetitionNumberRangeDto] }) dayOfMonth: RepetitionNumberRangeDto[];
  @ApiProperty({ type: [RepetitionNameRangeDto] }) month: RepetitionNameRangeDto[];
  @ApiProperty({ type: [RepetitionNumberRangeDto] }) year: RepetitionNumberRangeDto[];
  @ApiProperty({ type: [RepetitionNameRangeDto] }) dayOfWeek: RepetitionNameRangeDto[];
  @ApiPropertyOptional() comment?: string;
}

export class RepetitionStartDto {
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiProperty() workflowId: string;
}

/** A programme's yearly repetition (a Temporal Schedule). */
export class RepetitionDto {
  @ApiProperty() programme: string;
  @ApiProperty({ example: 'yearly-pkri' }) scheduleId: string;
  @ApiPropertyOptional({ type: RepetitionTemplateDto, description: 'The template version each start uses' })
  template?: RepetitionTemplateDto;
  @ApiPropertyOptional({ type: RepetitionCalendarDto }) calendar?: RepetitionCalendarDto;
  @ApiPropertyOptional({ example: 'Asia/Jakarta', description: 'IANA zone of the calendar' }) timezone?: string;
  @ApiProperty({ type: String, format: 'date-time', isArray: true }) nextStarts: Date[];
  @ApiProperty({ type: [RepetitionStartDto] }) recentStarts: RepetitionStartDto[];
}

export class RepetitionTriggeredDto {
  @ApiProperty() programme: string;
  @ApiProperty({ description: 'Always true' }) triggered: boolean;
}

export class RepetitionDeletedDto {
  @ApiProperty() programme: string;
  @ApiProperty({ description: 'Always true' }) deleted: boolean;
}
