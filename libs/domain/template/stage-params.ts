import type { FinalScoreWeights } from '../plenary/final-score';
import type { StageType } from '../stage-type';
import type { StageParams } from './competition-template';

export const MISSING_SCORE_POLICIES = ['rank-with-available', 'extend', 'reassign'] as const;
export type MissingScorePolicy = (typeof MISSING_SCORE_POLICIES)[number];

/** A desk-evaluation stage's parameters, with the engine's defaults where a template says nothing. */
export interface DeskParams {
  evaluatorsPerEntry: number;
  /** Never give an evaluator an entry from their own province. */
  conflictSameProvince: boolean;
  /** Hours before the deadline at which evaluators still missing a score are reminded, largest first. */
  remindHoursBefore: number[];
  /** What happens at the deadline to a score still missing. */
  missingScores: MissingScorePolicy;
  /** How long an extended or reassigned evaluator has after the deadline. */
  missingScoreGraceHours: number;
  normalisation: 'z-score' | 'none';
  /** Normalised scores of one entry further apart than this flag a disagreement. */
  disagreementThreshold: number;
  commentRequired: boolean;
  /** Evaluators read the entries without their agency's name, code or region (`blindReviewOf`). */
  blindReview: boolean;
}

export interface SelectionParams {
  passingGrade?: number;
  quotaPerCluster?: number;
  quotaPerGroup?: number;
  min3TSharePercent?: number;
  /** Comma-separated tie-break names, applied in order after the score (see TIE_BREAKS). */
  tieBreaks: string;
}

/** `"72, 24"` → [72, 24]; undefined when the text is not a list of positive numbers. */
export function hoursList(text: string): number[] | undefined {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length === 0 || parts.some((part) => !/^\d+(\.\d+)?$/.test(part))) return undefined;
  const hours = parts.map(Number);
  return hours.every((value) => value > 0) ? [...new Set(hours)].sort((a, b) => b - a) : undefined;
}

const text = (value: StageParams[string] | undefined) => (typeof value === 'string' ? value : undefined);
const number = (value: StageParams[string] | undefined) => (typeof value === 'number' ? value : undefined);

/**
 * Hours before the submission deadline at which agencies with drafts not yet submitted are reminded, largest first
 * (`draftReminderHoursBefore: "72, 24"`); none when the template says nothing.
 */
export function draftReminderHours(params: StageParams = {}): number[] {
  return hoursList(text(params.draftReminderHoursBefore) ?? '') ?? [];
}

export function deskParams(params: StageParams = {}): DeskParams {
  return {
    evaluatorsPerEntry: number(params.evaluatorsPerEntry) ?? 2,
    conflictSameProvince: params.conflictSameProvince === true,
    remindHoursBefore: hoursList(text(params.remindHoursBefore) ?? '') ?? [],
    missingScores: (text(params.missingScores) as MissingScorePolicy | undefined) ?? 'rank-with-available',
    missingScoreGraceHours: number(params.missingScoreGraceHours) ?? 48,
    normalisation: params.normalisation === 'none' ? 'none' : 'z-score',
    disagreementThreshold: number(params.disagreementThreshold) ?? 20,
    commentRequired: params.commentRequired === true,
    blindReview: params.blindReview === true,
  };
}

export function selectionParams(params: StageParams = {}): SelectionParams {
  return {
    passingGrade: number(params.passingGrade),
    quotaPerCluster: number(params.quotaPerCluster),
    quotaPerGroup: number(params.quotaPerGroup),
    min3TSharePercent: number(params.min3TSharePercent),
    tieBreaks: text(params.tieBreaks) ?? '',
  };
}

export const UNCONFIRMED_POLICIES = ['keep', 'release'] as const;
export const NO_SHOW_POLICIES = ['eliminate', 'keep'] as const;

/** A daily break in the interview calendar, local `HH:mm` in the stage's zone. */
export interface LocalSpan {
  start: string;
  end: string;
}

/** An interview stage's parameters (presentation and interview before the panel), with the engine's defaults. */
export interface InterviewParams {
  slotMinutes: number;
  /**
   * The slot's length in seconds, where whole minutes are too coarse (a rehearsal, a compressed demo or test cycle);
   * it replaces `slotMinutes`. Read both through `slotLengthSeconds`.
   */
  slotSeconds?: number;
  /** The panels' working day, local `HH:mm` in the stage's zone (KIPP: 09:00–14:20 WIB). */
  dayStart: string;
  dayEnd: string;
  breaks: LocalSpan[];
  /**
   * Whole days between the stage's opening (the schedule is published, agencies confirm) and the first interview
   * day; interviews run from then to the stage's close.
   */
  noticeDays: number;
  /** Panels sitting in parallel, numbered 1..panels. */
  panels: number;
  /** Skip Saturdays and Sundays (KIPP's 13 working days); PKRI 2024 also sat over a weekend. */
  workingDaysOnly: boolean;
  /** Local dates without interviews (public holidays), `YYYY-MM-DD`. */
  skipDays: string[];
  /** Never a panelist from the entry's own province. */
  conflictSameProvince: boolean;
  /** Where in its own day an agency may be scheduled, local `HH:mm` in its zone; 07:00–17:00 unless set. */
  agencyHours: LocalSpan;
  /** Agencies confirm their slot at least this many hours before it (the cut-off); later they may not move it. */
  confirmHoursBefore: number;
  /** An unconfirmed slot is reminded this many hours before it. */
  confirmReminderHoursBefore: number;
  /** What happens at the cut-off to a slot still unconfirmed. */
  unconfirmed: (typeof UNCONFIRMED_POLICIES)[number];
  /** Reminders before the slot, in hours, largest first (H-1 day and H-1 hour). */
  remindHoursBefore: number[];
  /** Minutes after a slot's start without recorded attendance after which the agency is a no-show. */
  noShowGraceMinutes: number;
  /** What a no-show (or an entry without a slot at the close) means for the entry. */
  noShow: (typeof NO_SHOW_POLICIES)[number];
  /** The rubric panelists score with; the entry group's own rubric when unset. */
  rubric?: string;
}

/** An interview slot's length in seconds: `slotSeconds` when the template gives it, else `slotMinutes`. */
export function slotLengthSeconds(params: Pick<InterviewParams, 'slotMinutes' | 'slotSeconds'>): number {
  return params.slotSeconds ?? params.slotMinutes * 60;
}

/** `"12:00-13:00, 15:00-15:15"` → spans; undefined when malformed or a span does not end after it starts. */
export function spanList(text: string): LocalSpan[] | undefined {
  if (text.trim() === '') return [];
  const spans = text.split(',').map((part) => /^\s*(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})\s*$/.exec(part));
  if (spans.some((match) => !match || !isLocalTime(match[1]) || !isLocalTime(match[2]) || match[1] >= match[2])) {
    return undefined;
  }
  return spans.map((match) => ({ start: match![1], end: match![2] }));
}

/** `"2024-08-17, 2024-08-19"` → dates; undefined when one is not a `YYYY-MM-DD` date. */
export function dayList(text: string): string[] | undefined {
  if (text.trim() === '') return [];
  const days = text.split(',').map((part) => part.trim());
  return days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    ? days
    : undefined;
}

export function isLocalTime(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  return !!match && +match[1] <= 23 && +match[2] <= 59;
}

export function interviewParams(params: StageParams = {}): InterviewParams {
  return {
    slotMinutes: number(params.slotMinutes) ?? 20,
    slotSeconds: number(params.slotSeconds),
    dayStart: text(params.dayStart) ?? '09:00',
    dayEnd: text(params.dayEnd) ?? '14:20',
    breaks: spanList(text(params.breaks) ?? '') ?? [],
    noticeDays: number(params.noticeDays) ?? 0,
    panels: number(params.panels) ?? 1,
    workingDaysOnly: params.workingDaysOnly === true,
    skipDays: dayList(text(params.skipDays) ?? '') ?? [],
    conflictSameProvince: params.conflictSameProvince === true,
    agencyHours: spanList(text(params.agencyHours) ?? '')?.[0] ?? { start: '07:00', end: '17:00' },
    confirmHoursBefore: number(params.confirmHoursBefore) ?? 24,
    confirmReminderHoursBefore: number(params.confirmReminderHoursBefore) ?? 48,
    unconfirmed: params.unconfirmed === 'release' ? 'release' : 'keep',
    remindHoursBefore: hoursList(text(params.remindHoursBefore) ?? '24,1') ?? [24, 1],
    noShowGraceMinutes: number(params.noShowGraceMinutes) ?? 10,
    noShow: params.noShow === 'keep' ? 'keep' : 'eliminate',
    rubric: text(params.rubric),
  };
}

/** The plenary's parameters: how final scores are weighted, how many of each cluster and group win, the quorum. */
export interface PlenaryParams {
  /** Panelists who must be present to decide; a majority of the cycle's panelists when unset. */
  quorum?: number;
  /** Winners proposed per cluster and group. */
  topN: number;
  weights: FinalScoreWeights;
}

export const PLENARY_WEIGHT_PARAMS = {
  desk: 'deskWeight',
  interview: 'interviewWeight',
  fieldVerification: 'fieldVerificationWeight',
} as const;

/**
 * With no weight given: desk 40 and interview 60 when the cycle interviews (the interview is where the panel meets
 * the innovation), otherwise desk 100. Once any weight is given, those not given are 0.
 */
export function plenaryParams(params: StageParams = {}, stageTypes: StageType[] = []): PlenaryParams {
  const weightOf = (component: keyof typeof PLENARY_WEIGHT_PARAMS) => number(params[PLENARY_WEIGHT_PARAMS[component]]);
  const given = Object.keys(PLENARY_WEIGHT_PARAMS).some(
    (component) => weightOf(component as keyof typeof PLENARY_WEIGHT_PARAMS) !== undefined,
  );
  const weights: FinalScoreWeights = given
    ? {
        desk: weightOf('desk') ?? 0,
        interview: weightOf('interview') ?? 0,
        fieldVerification: weightOf('fieldVerification') ?? 0,
      }
    : stageTypes.includes('interview')
      ? { desk: 40, interview: 60, fieldVerification: 0 }
      : { desk: 100, interview: 0, fieldVerification: 0 };
  return { quorum: number(params.quorum), topN: number(params.topN) ?? 3, weights };
}

/** The values `showScoresToAgency` takes: true or false, as JSON or as text. */
export function isShowScoresToAgencyValue(value: unknown): boolean {
  return value === true || value === false || value === 'true' || value === 'false';
}

/**
 * Whether agencies see their entry's mean scores of a scored stage (desk evaluation, interview) once it has closed:
 * the stage's `showScoresToAgency`, false unless the template says true.
 */
export function showsScoresToAgency(params: StageParams = {}): boolean {
  return params.showScoresToAgency === true || params.showScoresToAgency === 'true';
}

/**
 * Blind review: whether the cycle's evaluators read its entries without the agency's name, code or region (province,
 * 3T). A desk-evaluation stage's `blindReview`, false unless the template says true; one such stage makes the whole
 * cycle blind for its evaluators (admins and auditors always see everything).
 */
export function blindReviewOf(template: { stages: { type: StageType; params?: StageParams }[] }): boolean {
  return template.stages.some((stage) => stage.type === 'desk-evaluation' && stage.params?.blindReview === true);
}
