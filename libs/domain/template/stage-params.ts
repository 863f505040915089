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
