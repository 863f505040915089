import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class AuditLogRowDto {
  @ApiProperty({ description: '1, 2, 3, … without gaps, in the order rows were written' }) seq: number;
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty({ description: 'The history event this row mirrors' }) eventId: number;
  @ApiProperty({ enum: ['started', 'signal', 'update-accepted', 'update-completed'] }) eventType: string;
  @ApiProperty({ description: 'The workflow type for `started`, else the signal’s or Update’s name' }) name: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who asked; null for the engine' }) actor: string | null;
  @ApiProperty({ description: 'The arguments, or the outcome of an Update completed' }) payload: unknown;
  @ApiProperty({ type: String, nullable: true }) cycleId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) entryId: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ description: 'The previous row’s hash; 64 zeros for the first row' }) prevHash: string;
  @ApiProperty({ description: 'SHA-256 (hex) of the row’s canonical JSON (RFC 8785), hash excluded' }) hash: string;
}

export class AuditChainBreakDto {
  @ApiProperty() seq: number;
  @ApiProperty() reason: string;
}

export class AuditLogVerdictDto {
  @ApiProperty({ description: 'Rows found intact before the first break, or all rows' }) checked: number;
  @ApiProperty({ type: AuditChainBreakDto, nullable: true }) firstBroken: AuditChainBreakDto | null;
}

/** One workflow execution found by its search attributes. */
export class AuditWorkflowDto {
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty({ description: 'The workflow type, e.g. `entryWorkflow`' }) type: string;
  @ApiProperty({ description: 'Temporal’s execution status, e.g. RUNNING, COMPLETED' }) executionStatus: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty() historyLength: number;
  @ApiProperty({ type: String, nullable: true }) cycleId: string | null;
  @ApiProperty({ type: String, nullable: true }) agencyCode: string | null;
  @ApiProperty({ type: String, nullable: true }) stage: string | null;
  @ApiProperty({ type: String, nullable: true }) entryStatus: string | null;
  @ApiProperty({ type: String, nullable: true }) cluster: string | null;
  @ApiProperty({ type: String, nullable: true }) group: string | null;
}

export class AuditWorkflowSearchDto {
  @ApiProperty({ description: 'The visibility query sent to Temporal; empty for all workflows' }) query: string;
  @ApiProperty({ type: [AuditWorkflowDto] }) items: AuditWorkflowDto[];
}

/** The shape of Temporal's `historyToJSON`; the events are Temporal's own, not described here. */
export class AuditRawHistoryDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Temporal history events as Temporal writes them (eventId, eventTime, eventType, attributes)',
  })
  events: Record<string, unknown>[];
}

/** One step of a workflow's history as a person reads it. */
export class AuditTimelineLineDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ format: 'date-time', description: 'UTC, millisecond precision' }) at: string;
  @ApiProperty({ description: 'The same instant in the timeline’s zone, e.g. `12 Jul 2024 09.00 WIB`' }) local: string;
  @ApiProperty({ type: String, nullable: true, description: 'Who acted; null for the engine' }) actor: string | null;
  @ApiProperty() text: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class AuditTimelineDto {
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty() workflowType: string;
  @ApiProperty({ enum: ['id', 'en'] }) language: 'id' | 'en';
  @ApiProperty({ description: 'The agency’s zone (WIB, WITA or WIT); WIB for workflows of no agency' }) zone: string;
  @ApiProperty({ type: [AuditTimelineLineDto] }) lines: AuditTimelineLineDto[];
}

export class AuditReplayDivergenceDto {
  @ApiProperty() eventId: number;
  @ApiProperty() eventType: string;
}

/** What replaying one history against today's workflow code found. */
export class AuditReplayVerdictDto {
  @ApiProperty() workflowId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({
    type: AuditReplayDivergenceDto,
    nullable: true,
    description: 'The first history event the code no longer produces or expects; null when the cause names none',
  })
  divergedAt: AuditReplayDivergenceDto | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

export class AuditWorkflowReplayDto extends AuditReplayVerdictDto {
  @ApiProperty({ description: 'The run replayed' }) runId: string;
}

export class AuditCycleReplayDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ description: 'Histories replayed' }) replayed: number;
  @ApiProperty({ description: 'Histories that replayed without divergence' }) ok: number;
  @ApiProperty({ type: [AuditReplayVerdictDto] }) diverged: AuditReplayVerdictDto[];
  @ApiProperty({ type: [String], description: 'Workflow ids of entries whose workflow has not started yet' })
  notStarted: string[];
}

export class AuditRowRefDto {
  @ApiProperty() seq: number;
  @ApiProperty() eventId: number;
}

export class AuditDecisionEventRefDto {
  @ApiProperty() eventId: number;
  @ApiProperty({ enum: ['started', 'signal', 'update-accepted', 'update-completed'] }) eventType: string;
  @ApiProperty() name: string;
}

/** One workflow run's audit rows checked against its history. */
export class AuditCrossCheckWorkflowDto {
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty() closed: boolean;
  @ApiProperty({ description: 'Audit rows of this run' }) rows: number;
  @ApiProperty({ type: [AuditRowRefDto], description: 'Rows without their history event' })
  orphanRows: AuditRowRefDto[];
  @ApiProperty({ type: [AuditRowRefDto], description: 'Rows that differ from their history event' })
  mismatched: AuditRowRefDto[];
  @ApiProperty({ type: [AuditDecisionEventRefDto], description: 'Decision events without their row' })
  missingEvents: AuditDecisionEventRefDto[];
  @ApiProperty({
    type: [AuditDecisionEventRefDto],
    description: 'Decisions of a running workflow not sealed yet (not a gap)',
  })
  pendingEvents: AuditDecisionEventRefDto[];
}

export class AuditSealHeadLostDto {
  @ApiProperty() seq: number;
  @ApiProperty() reason: string;
}

export class AuditCrossCheckDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ description: 'Workflow runs checked' }) workflows: number;
  @ApiProperty() consistent: boolean;
  @ApiProperty({ type: [AuditCrossCheckWorkflowDto], description: 'Runs with orphan, mismatched or missing rows' })
  problems: AuditCrossCheckWorkflowDto[];
  @ApiProperty({ type: [AuditSealHeadLostDto], description: 'Heads recorded by seals that the log no longer holds' })
  headsLost: AuditSealHeadLostDto[];
  @ApiProperty({ description: 'Decisions of running workflows still to be sealed' }) pending: number;
  @ApiProperty({ type: [String] }) notStarted: string[];
}

export class AuditSealDto {
  @ApiProperty() cycleId: string;
  @ApiProperty({ description: 'Histories sealed' }) workflows: number;
  @ApiProperty({ description: 'Rows appended to the audit log' }) appended: number;
  @ApiProperty({ type: [String] }) notStarted: string[];
}

const nullableInstant = { type: String, nullable: true, format: 'date-time' } as const;
const scoresByCriterion = {
  type: 'object',
  additionalProperties: { type: 'number' },
  description: 'Score per criterion key',
} as const;

export class AuditEntryStageDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({ ...nullableInstant, description: 'null when only the completion was recorded' })
  enteredAt: string | null;
  @ApiProperty(nullableInstant) completedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class AuditDeskScoreDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'uuid' }) evaluatorId: string;
  @ApiProperty() version: number;
  @ApiProperty() weighted: number;
  @ApiProperty(scoresByCriterion) scores: Record<string, number>;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class AuditInterviewScoreDto {
  @ApiProperty() stageKey: string;
  @ApiProperty({ format: 'uuid' }) panelistId: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional() weighted?: number;
  @ApiProperty(scoresByCriterion) scores: Record<string, number>;
  @ApiPropertyOptional({ format: 'date-time' }) submittedAt?: string;
}

export class AuditInterviewBookingDto {
  @ApiProperty() bookingId: string;
  @ApiProperty() slotId: string;
  @ApiProperty() panelKey: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty() sequence: number;
  @ApiProperty() confirmed: boolean;
  @ApiProperty({ type: String, nullable: true }) attendance: string | null;
  @ApiProperty({ description: 'Released at the cut-off, unconfirmed: the entry no longer holds the slot' })
  released: boolean;
}

/** The fields of the entry's document that edits changed; the registration's own values are not in history. */
export class AuditEntryDocumentChangesDto {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ format: 'date' }) launchDate?: string;
  @ApiPropertyOptional({ type: [String] }) evidenceLinks?: string[];
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) replicatesEntryId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) continuesEntryId?: string | null;
}

/** An entry's read-model record as it stood right after an event, rebuilt from its history. */
export class AuditEntryStateDto {
  @ApiProperty({ format: 'uuid' }) entryId: string;
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty() asOfEventId: number;
  @ApiProperty({ format: 'date-time', description: 'When that event happened' }) asOf: string;
  @ApiProperty({ enum: ['active', 'completed', 'withdrawn', 'eliminated'] }) status: string;
  @ApiProperty() currentStage: string;
  @ApiProperty(nullableInstant) withdrawnAt: string | null;
  @ApiProperty({ type: AuditEntryDocumentChangesDto }) documentChanges: AuditEntryDocumentChangesDto;
  @ApiProperty({ type: [AuditEntryStageDto], description: 'In the order the stages were first recorded' })
  stages: AuditEntryStageDto[];
  @ApiProperty({ type: [AuditDeskScoreDto], description: 'Latest sheet per stage and evaluator' })
  deskScores: AuditDeskScoreDto[];
  @ApiProperty({ type: [AuditInterviewScoreDto], description: 'Latest sheet per panelist' })
  interviewScores: AuditInterviewScoreDto[];
  @ApiProperty({ type: AuditInterviewBookingDto, nullable: true }) interviewBooking: AuditInterviewBookingDto | null;
}
