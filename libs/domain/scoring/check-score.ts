import { DomainError, ErrorCode, type FieldIssue } from '../error-codes';
import type { CompetitionTemplate, Criterion, Rubric } from '../template/competition-template';

export type RubricCriterion = Pick<Criterion, 'key' | 'name' | 'weight' | 'scale'>;

const MAX_COMMENT = 4000;

/** The rubric an entry of this group is scored with (validateTemplate guarantees it exists). */
export function rubricOfGroup(template: Pick<CompetitionTemplate, 'groups' | 'rubrics'>, groupKey: string): Rubric {
  const group = template.groups.find((candidate) => candidate.key === groupKey)!;
  return template.rubrics.find((candidate) => candidate.key === group.rubric)!;
}

/** The rubric a stage scores an entry with: the one the stage names (an interview's `rubric`), else its group's. */
export function rubricFor(
  template: Pick<CompetitionTemplate, 'groups' | 'rubrics'>,
  groupKey: string,
  rubricKey?: string,
): Rubric {
  return rubricKey
    ? template.rubrics.find((candidate) => candidate.key === rubricKey)!
    : rubricOfGroup(template, groupKey);
}

/**
 * Every problem of a score sheet against its rubric: each criterion present once, a number within its scale, nothing
 * else, and a comment where the template asks for one. Used by the API (to answer with field paths) and by the
 * entry workflow's Update validator (the authority).
 */
export function checkDeskScore(
  criteria: RubricCriterion[],
  commentRequired: boolean,
  scores: unknown,
  comment: unknown,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    return [{ path: 'scores', message: `must be an object with a number for each of ${keys(criteria)}` }];
  }
  const given = scores as Record<string, unknown>;
  for (const criterion of criteria) {
    const value = Object.hasOwn(given, criterion.key) ? given[criterion.key] : undefined;
    const { min, max } = criterion.scale;
    if (value === undefined) {
      issues.push({ path: `scores.${criterion.key}`, message: `is missing (${criterion.name}, ${min} to ${max})` });
    } else if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      issues.push({ path: `scores.${criterion.key}`, message: `must be a number from ${min} to ${max}` });
    }
  }
  for (const key of Object.keys(given)) {
    if (!criteria.some((criterion) => criterion.key === key)) {
      issues.push({
        path: `scores.${key}`,
        message: `is not a criterion of this rubric; the criteria are ${keys(criteria)}`,
      });
    }
  }
  if (comment !== undefined && comment !== null && typeof comment !== 'string') {
    issues.push({ path: 'comment', message: 'must be a text' });
  } else if (typeof comment === 'string' && comment.length > MAX_COMMENT) {
    issues.push({ path: 'comment', message: `must be at most ${MAX_COMMENT} characters (it has ${comment.length})` });
  } else if (commentRequired && (typeof comment !== 'string' || comment.trim().length === 0)) {
    issues.push({ path: 'comment', message: 'is required by this competition: say briefly why you scored so' });
  }
  return issues;
}

const keys = (criteria: RubricCriterion[]) => criteria.map((criterion) => criterion.key).join(', ');

/** Refuses a sheet that does not fit its rubric, with every problem as a field issue (the API's answer). */
export function assertScoreSheet(
  rubric: Pick<Rubric, 'name' | 'criteria'>,
  commentRequired: boolean,
  scores: unknown,
  comment: unknown,
): void {
  const issues = checkDeskScore(rubric.criteria, commentRequired, scores, comment);
  if (issues.length > 0) {
    throw new DomainError(ErrorCode.ScoreInvalid, `The score sheet does not fit the rubric "${rubric.name}".`, issues);
  }
}
