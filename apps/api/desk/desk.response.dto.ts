import { ApiProperty } from '@nestjs/swagger';

const nullableDate = { type: String, format: 'date-time', nullable: true } as const;

/** A score sheet version as recorded, the answer to submitting one. */
export class DeskScoreReceiptDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;

  @ApiProperty({ description: '1 for the first sheet, then one more for each revision' })
  version: number;

  @ApiProperty({ description: '0–100, weighted as the rubric says' })
  weighted: number;

  @ApiProperty({ format: 'date-time' })
  submittedAt: string;
}

/** One version of an evaluator's score sheet. */
export class DeskScoreSheetDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  version: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'Score per criterion key' })
  scores: Record<string, number>;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty()
  weighted: number;

  @ApiProperty()
  updateId: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt: Date;
}

/** When an evaluator's assignment began, who made it, until when it may score, and how it ended. */
export class DeskAssignmentTermsDto {
  @ApiProperty({ description: '`engine`, or the id of the admin or evaluator whose action led to it' })
  assignedBy: string;

  @ApiProperty({ format: 'date-time' })
  assignedAt: Date;

  @ApiProperty(nullableDate)
  dueAt: Date | null;

  @ApiProperty(nullableDate)
  endedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  endedReason: string | null;
}

/** An evaluator given an entry, and why; ended rather than deleted. */
export class DeskAssignmentDto extends DeskAssignmentTermsDto {
  @ApiProperty()
  id: string;

  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  reason: string;
}

/** What a declared conflict or a reassignment changed on the entry. */
export class DeskReassignmentDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  stageKey: string;

  @ApiProperty({ type: String, nullable: true, description: 'The new assignment; null when nobody was free' })
  assignmentId: string | null;

  @ApiProperty({ format: 'uuid' })
  removed: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  added: string | null;

  @ApiProperty({ required: false, description: 'Why nobody was added' })
  note?: string;
}

/** An evaluator of a cycle, the affiliations they declared and their current load. */
export class DeskCycleEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [String], description: 'Agency codes' })
  affiliations: string[];

  @ApiProperty({ type: String, nullable: true })
  province: string | null;

  @ApiProperty({ example: 'WIB' })
  zone: string;

  @ApiProperty({ example: 'id' })
  language: string;

  @ApiProperty({ format: 'date-time' })
  addedAt: Date;

  @ApiProperty({ description: 'Entries currently assigned to them in the cycle' })
  load: number;
}

/** A criterion of a rubric as the score sheet asks for it. */
export class DeskQueueCriterionDto {
  @ApiProperty({ example: 'kebaruan' })
  key: string;

  @ApiProperty({ example: 'Kebaruan' })
  name: string;

  @ApiProperty({ description: 'Percent; the weights of a rubric sum to 100' })
  weight: number;

  @ApiProperty({ example: 0 })
  min: number;

  @ApiProperty({ example: 100 })
  max: number;
}

/** The rubric entries of a group are scored with. */
export class DeskQueueRubricDto {
  @ApiProperty({ example: 'keberlanjutan' })
  group: string;

  @ApiProperty()
  groupName: string;

  @ApiProperty({ example: 'inovasi' })
  key: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [DeskQueueCriterionDto] })
  criteria: DeskQueueCriterionDto[];
}

const BLIND = 'Absent when the cycle’s desk evaluation is blind review (`blindReview`)';

/** An entry given to you to score, and your latest sheet of it. */
export class DeskQueueEntryDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  group: string;

  @ApiProperty()
  cluster: string;

  @ApiProperty({ ...nullableDate, description: 'Set when you may score after the stage’s deadline' })
  dueAt: Date | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Your latest version of the sheet; null before the first' })
  version: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Its weighted score (0–100)' })
  weighted: number | null;

  @ApiProperty(nullableDate)
  scoredAt: Date | null;

  @ApiProperty({ required: false, description: BLIND })
  agencyCode?: string;

  @ApiProperty({ required: false, description: BLIND })
  agencyName?: string;

  @ApiProperty({ required: false, description: BLIND })
  province?: string;

  @ApiProperty({ required: false, description: `Whether the agency is in a 3T region. ${BLIND}` })
  region3T?: boolean;
}

/** One open desk stage of a cycle with the entries given to you in it. */
export class DeskQueueStageDto {
  @ApiProperty()
  cycleId: string;

  @ApiProperty()
  programme: string;

  @ApiProperty()
  year: number;

  @ApiProperty()
  stageKey: string;

  @ApiProperty()
  stageName: string;

  @ApiProperty({ format: 'date-time', description: 'The stage’s deadline' })
  closesAt: Date;

  @ApiProperty({ description: 'A sheet needs a comment' })
  commentRequired: boolean;

  @ApiProperty({ description: 'Entries are shown without their agency' })
  blindReview: boolean;

  @ApiProperty({ description: 'Entries given to you' })
  assigned: number;

  @ApiProperty({ description: 'Of them, the ones you have scored' })
  scored: number;

  @ApiProperty({ type: [DeskQueueRubricDto], description: 'The rubric of each group among the entries' })
  rubrics: DeskQueueRubricDto[];

  @ApiProperty({
    type: [DeskQueueEntryDto],
    description:
      'Those ready to score, not yet scored first; an entry still taking up the stage is counted in assigned and listed once it has',
  })
  entries: DeskQueueEntryDto[];
}
