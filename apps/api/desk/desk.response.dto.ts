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
