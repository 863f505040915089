import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RubricCriterion, StageType } from '../libs/domain';
import type { InterviewScoreReceipt } from '../libs/domain/interview/interview-score';

/** What the cycle tells an entry: a stage began or ended for it. `final` marks the end of the cycle's last stage. */
export interface StageEvent {
  stageKey: string;
  kind: 'entered' | 'completed';
  /** ISO instant from the cycle workflow's clock, so every retry of the fan-out carries the same value. */
  at: string;
  outcome?: string;
  /** Why the entry got this outcome (screening), as the agency will read it. */
  reason?: string;
  final?: boolean;
  /** Set on `entered` for stages with steps of their own on the entry (desk evaluation). */
  stageType?: StageType;
}

export interface EntryWorkflowInput {
  cycleId: string;
  entryId: string;
  agencyCode: string;
  cluster: string;
  group: string;
  programme: string;
  year: number;
  /** The stage the entry joined in (registration happens during submission) and when. */
  joinedStage: string;
  joinedAt: string;
}

export interface EntryStageRecord {
  stageKey: string;
  enteredAt: string;
  completedAt?: string;
  outcome?: string;
  reason?: string;
}

/** The fields an agency may change until the submission deadline; absent fields stay as they are. */
export interface EntryChanges {
  title?: string;
  summary?: string;
  launchDate?: string;
  evidenceLinks?: string[];
  replicatesEntryId?: string | null;
  /** The same innovation's entry in an earlier cycle. */
  continuesEntryId?: string | null;
}

export interface EditEntryRequest {
  changes: EntryChanges;
  requestedBy: string;
}

export interface WithdrawEntryRequest {
  reason: string;
  requestedBy: string;
}

/** What the entry's desk stage needs to judge a score sheet: the rubric of its group and who may score. */
export interface DeskScoring {
  stageKey: string;
  criteria: RubricCriterion[];
  commentRequired: boolean;
  evaluatorIds: string[];
  /** Grows with every change of evaluators; a list older than the one held is ignored. */
  version: number;
}

export interface SubmitDeskScoreRequest {
  evaluatorId: string;
  scores: Record<string, number>;
  comment?: string | null;
}

export interface DeskScoreReceipt {
  entryId: string;
  stageKey: string;
  evaluatorId: string;
  /** 1 for the first sheet, then one more for each revision; every version is kept. */
  version: number;
  weighted: number;
  submittedAt: string;
}

/** The entry's evaluators after a change (a declared conflict, a reassignment): the whole list, latest wins. */
export interface DeskEvaluatorsChange {
  stageKey: string;
  evaluatorIds: string[];
  version: number;
}

/** The entry's live interview booking, as its workflow knows it; every change to it passes through the workflow. */
export interface InterviewBooking {
  bookingId: string;
  slotId: string;
  panelKey: string;
  startsAt: string;
  endsAt: string;
  /** The iCalendar SEQUENCE: raised on every move. */
  sequence: number;
  confirmed: boolean;
  attendance: 'present' | 'absent' | 'no-show' | null;
  /** Who sits on the booking's panel: only they record attendance and scores. */
  panelistIds: string[];
}

/** What the entry's interview stage needs: the template's timings, the rubric, and the booking (none if unplaced). */
export interface InterviewPlan {
  stageKey: string;
  confirmHoursBefore: number;
  confirmReminderHoursBefore: number;
  unconfirmed: 'keep' | 'release';
  remindHoursBefore: number[];
  noShowGraceMinutes: number;
  criteria: RubricCriterion[];
  booking: InterviewBooking | null;
}

export interface MoveInterviewRequest {
  slotId: string;
  /** The slot's start as the API read it, so the validator can apply the cut-off; the activity checks it again. */
  slotStartsAt: string;
  requestedBy: string;
  /** The secretariat books or moves past the agency's cut-off, with a reason. */
  byAdmin: boolean;
  reason?: string;
}

export interface InterviewAttendanceRequest {
  panelistId: string;
  attendance: 'present' | 'absent';
}

export interface SubmitInterviewScoreRequest {
  panelistId: string;
  scores: Record<string, number>;
  comment?: string | null;
}

export interface EntryState {
  entryId: string;
  cycleId: string;
  status: 'active' | 'completed' | 'withdrawn' | 'eliminated';
  currentStage: string;
  history: EntryStageRecord[];
  desk?: DeskScoring;
  interview?: InterviewPlan;
}

export const stageEventSignal = defineSignal<[StageEvent]>('stageEvent');
export const editEntryUpdate = defineUpdate<{ entryId: string; editedAt: string }, [EditEntryRequest]>('editEntry');
export const withdrawEntryUpdate = defineUpdate<{ entryId: string; withdrawnAt: string }, [WithdrawEntryRequest]>(
  'withdrawEntry',
);
export const submitDeskScoreUpdate = defineUpdate<DeskScoreReceipt, [SubmitDeskScoreRequest]>('submitDeskScore');
export const deskEvaluatorsSignal = defineSignal<[DeskEvaluatorsChange]>('deskEvaluatorsChanged');
export const entryStateQuery = defineQuery<EntryState>('entryState');
export const moveInterviewUpdate = defineUpdate<InterviewBooking, [MoveInterviewRequest]>('moveInterview');
export const confirmInterviewUpdate = defineUpdate<InterviewBooking, [{ requestedBy: string }]>('confirmInterview');
export const recordInterviewAttendanceUpdate = defineUpdate<InterviewBooking, [InterviewAttendanceRequest]>(
  'recordInterviewAttendance',
);
export const submitInterviewScoreUpdate = defineUpdate<InterviewScoreReceipt, [SubmitInterviewScoreRequest]>(
  'submitInterviewScore',
);
