import { ApiProperty } from '@nestjs/swagger';
import { DeskAssignmentTermsDto } from './desk.response.dto';
import { OBJECTION_STATUSES } from '../../../libs/persistence/entities';

const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

export class DeskEvaluatorLoadDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  load: number;
}

export class DeskCycleAssignmentDto extends DeskAssignmentTermsDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty()
  reason: string;
}

export class DeskCycleAssignmentsDto {
  @ApiProperty({ type: [DeskEvaluatorLoadDto] })
  loads: DeskEvaluatorLoadDto[];

  @ApiProperty({ type: [DeskCycleAssignmentDto] })
  assignments: DeskCycleAssignmentDto[];
}

export class DeskAssignmentPairDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
}

export class DeskAssignmentCheckDto {
  @ApiProperty()
  stageKey: string;

  @ApiProperty({ description: 'Whether deriving the opening assignment again gives what was recorded' })
  identical: boolean;

  @ApiProperty({ description: 'How many assignments the opening recorded' })
  assignments: number;

  @ApiProperty({ type: [DeskAssignmentPairDto], description: 'Up to 20 pairs only the derivation has' })
  onlyRecomputed: DeskAssignmentPairDto[];

  @ApiProperty({ type: [DeskAssignmentPairDto], description: 'Up to 20 pairs only the record has' })
  onlyRecorded: DeskAssignmentPairDto[];
}

export class DeskMissingScoreDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty({ enum: ['extend', 'reassign', 'rank-with-available'] })
  policy: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacementId: string | null;

  @ApiProperty(nullableDate)
  dueAt: Date | null;

  @ApiProperty()
  note: string;

  @ApiProperty({ format: 'date-time' })
  decidedAt: Date;
}

export class DeskResultEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  weighted: number;

  @ApiProperty()
  normalised: number;
}

export class DeskResultDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  cluster: string;

  @ApiProperty()
  group: string;

  @ApiProperty()
  score: number;

  @ApiProperty()
  spread: number;

  @ApiProperty()
  disagreement: boolean;

  @ApiProperty({ type: [DeskResultEvaluatorDto] })
  evaluators: DeskResultEvaluatorDto[];

  @ApiProperty()
  normalisation: string;
}

/** The facts of an entry that a selection lists. */
export class SelectionEntryDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  agencyName: string;

  @ApiProperty()
  agencyCode: string;

  @ApiProperty()
  cluster: string;

  @ApiProperty()
  group: string;
}

export class SelectionOutcomeDto extends SelectionEntryDto {
  @ApiProperty()
  score: number;

  @ApiProperty()
  overallRank: number;

  @ApiProperty()
  rankInCell: number;

  @ApiProperty()
  selected: boolean;

  @ApiProperty()
  via3T: boolean;

  @ApiProperty({ description: 'Why the entry is in or out' })
  explanation: string;
}

export class SelectionDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  version: number;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rules the ranking applied' })
  rules: Record<string, unknown>;

  @ApiProperty()
  createdBy: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: [SelectionOutcomeDto] })
  outcomes: SelectionOutcomeDto[];
}

export class SelectionNomineeDto extends SelectionEntryDto {
  @ApiProperty()
  rankInCell: number;
}

export class SelectionNomineesDto {
  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  version: number;

  @ApiProperty(nullableDate)
  publishedAt: Date | null;

  @ApiProperty({ type: [SelectionNomineeDto] })
  nominees: SelectionNomineeDto[];
}

export class ObjectionFiledDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'unconfirmed',
    description: 'unconfirmed until the objector opens the link e-mailed to contactEmail and confirms',
  })
  status: string;

  @ApiProperty({ format: 'date-time' })
  filedAt: Date;

  @ApiProperty({ format: 'date-time', description: 'The objection window closes then: confirm before it' })
  confirmBy: Date;
}

export class ObjectionConfirmedDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'open', description: 'open (counted, awaiting a decision), or the decision made' })
  status: string;

  @ApiProperty({ description: 'The nominee objected to' })
  title: string;
}

export class ObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  cycleId: string;

  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  contactName: string;

  @ApiProperty()
  contactEmail: string;

  @ApiProperty({ enum: ['id', 'en'] })
  language: string;

  @ApiProperty({ format: 'date-time' })
  filedAt: Date;

  @ApiProperty({ ...nullableDate, description: 'When the objector confirmed their e-mail address' })
  confirmedAt: Date | null;

  @ApiProperty({ enum: OBJECTION_STATUSES })
  status: string;

  @ApiProperty({ type: String, nullable: true })
  resolutionReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ApiProperty(nullableDate)
  resolvedAt: Date | null;
}

export class ObjectionPageDto {
  @ApiProperty({ type: [ObjectionDto] }) items: ObjectionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ObjectionResolutionDto {
  @ApiProperty({ format: 'uuid' })
  objectionId: string;

  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  decision: string;

  @ApiProperty({ type: [String], description: 'Entries that joined the nominee list (the next in rank)' })
  entered: string[];

  @ApiProperty({ type: [String], description: 'Entries other than the objected one that left the list' })
  left: string[];
}
