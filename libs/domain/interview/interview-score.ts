import { DomainError, ErrorCode, type FieldIssue } from '../error-codes';
import { checkDeskScore, type RubricCriterion } from '../scoring/check-score';
import type { Rubric } from '../template/competition-template';

/** A saved version of a panelist's interview score sheet, as the API answers it. */
export interface InterviewScoreReceipt {
  entryId: string;
  stageKey: string;
  /**
   * The panelist who scored. The field keeps the name the desk receipt has (`evaluatorId`): the API has always
   * answered it so, and the entry workflow's Update carries it.
   */
  evaluatorId: string;
  /** 1 for the first sheet, then one more for each revision; every version is kept. */
  version: number;
  weighted: number;
  submittedAt: string;
}

/** Every problem of an interview score sheet against its rubric (an interview never requires a comment). */
export function checkInterviewScore(criteria: RubricCriterion[], scores: unknown, comment: unknown): FieldIssue[] {
  return checkDeskScore(criteria, false, scores, comment);
}

/** Refuses (SCORE.INVALID, with field paths) an interview score sheet that does not fit the rubric. */
export function assertInterviewScoreSheet(
  rubric: Pick<Rubric, 'name' | 'criteria'>,
  scores: unknown,
  comment: unknown,
): void {
  const issues = checkInterviewScore(rubric.criteria, scores, comment);
  if (issues.length > 0) {
    throw new DomainError(ErrorCode.ScoreInvalid, `The score sheet does not fit the rubric "${rubric.name}".`, issues);
  }
}
