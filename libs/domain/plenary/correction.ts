import type { FieldIssue } from '../error-codes';
import { decisionNumber, type DecisionEntry, type PlenaryDecision } from './decision-document';
import { MIN_OVERRIDE_REASON_LENGTH, type FinalistStatus, type OverrideDirection } from './plenary-rules';

/** A correction moves entries into or out of the winners; everything else of the decision stands. */
export interface CorrectionMove {
  entryId: string;
  direction: OverrideDirection;
}

export interface CorrectionRequest {
  reason: string;
  moves: CorrectionMove[];
  /** ISO instant of the correction. */
  decidedAt: string;
}

/**
 * The decision that corrects `previous`: the next number, `supersedes` the previous one, the reason, each moved
 * entry's new status and what it was. An entry moves `in` only from `finalist` (ranked, not a winner) and `out`
 * only from `winner`; an entry the plenary itself moved by a vote is left to the plenary (a correction is the
 * secretariat fixing a mistake, not undoing a vote). Problems carry the request's field path.
 */
export function correctDecision(
  previous: PlenaryDecision,
  sequence: number,
  request: CorrectionRequest,
): { decision: PlenaryDecision; problems: FieldIssue[] } {
  const problems: FieldIssue[] = [];
  const reason = typeof request.reason === 'string' ? request.reason.trim() : '';
  if ([...reason].length < MIN_OVERRIDE_REASON_LENGTH) {
    problems.push({ path: 'reason', message: `must say why, in at least ${MIN_OVERRIDE_REASON_LENGTH} characters` });
  }
  if (!Array.isArray(request.moves) || request.moves.length === 0) {
    problems.push({ path: 'moves', message: 'must name at least one entry to move in or out' });
  }
  const entries = new Map<string, DecisionEntry>();
  const groups = previous.groups.map((group) => ({
    ...group,
    entries: group.entries.map((entry) => {
      const copy = { ...entry };
      entries.set(entry.entryId, copy);
      return copy;
    }),
  }));
  const corrections: PlenaryDecision['corrections'] = [];
  const seen = new Set<string>();
  (request.moves ?? []).forEach((move, index) => {
    const path = `moves[${index}]`;
    const entry = entries.get(move.entryId);
    if (seen.has(move.entryId)) return problems.push({ path: `${path}.entryId`, message: 'names an entry twice' });
    seen.add(move.entryId);
    if (!entry) {
      return problems.push({
        path: `${path}.entryId`,
        message: `entry ${move.entryId} is not in decision ${previous.decisionNumber}`,
      });
    }
    if (entry.override) {
      return problems.push({
        path: `${path}.entryId`,
        message: `"${entry.title}" was moved ${entry.override.direction} by the plenary's vote; a correction does not undo a vote`,
      });
    }
    const from: FinalistStatus = entry.status;
    const wanted = move.direction === 'in' ? 'finalist' : move.direction === 'out' ? 'winner' : undefined;
    if (!wanted) return problems.push({ path: `${path}.direction`, message: 'must be "in" or "out"' });
    if (from !== wanted) {
      return problems.push({
        path: `${path}.direction`,
        message: `"${entry.title}" is ${from === 'not-selected' ? 'not selected (without a final score or moved out)' : `a ${from}`}, so it cannot be moved ${move.direction}`,
      });
    }
    entry.status = move.direction === 'in' ? 'winner' : 'not-selected';
    corrections.push({ entryId: entry.entryId, from, to: entry.status });
  });
  const decision: PlenaryDecision = {
    ...previous,
    decisionNumber: decisionNumber(sequence, previous.programme, previous.year),
    supersedes: previous.decisionNumber,
    reason,
    decidedAt: request.decidedAt,
    corrections,
    groups,
  };
  return { decision, problems };
}
