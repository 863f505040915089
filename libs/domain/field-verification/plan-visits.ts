import { conflictOf, type AssignableEntry, type AssignableEvaluator, type ConflictRules } from '../desk/assignment';
import { instantToLocal, type Zone } from '../time-zone';
import { byId, compareText } from '../ordering';

export const FIELD_VISIT_MODES = ['on-site', 'virtual'] as const;
export type FieldVisitMode = (typeof FIELD_VISIT_MODES)[number];

/** What the visitors found: the innovation runs as described, in part, not at all, or nobody could go. */
export const FIELD_VISIT_OUTCOMES = ['verified', 'partly-verified', 'not-verified', 'not-visited'] as const;
export type FieldVisitOutcome = (typeof FIELD_VISIT_OUTCOMES)[number];

/**
 * Verifikasi lapangan: each finalist visited (or checked virtually) by two people, one of the Tim Panel Independen
 * (TPI) and one of the Tim Evaluasi (TE), neither with a conflict of interest under the desk stage's rules.
 */
export interface PlannedVisit {
  entryId: string;
  panelistId: string;
  evaluatorId: string;
  /** Why these two: their loads before this visit and who was excluded for a conflict. */
  reason: string;
}

export interface UnplannedVisit {
  entryId: string;
  reason: string;
}

export interface VisitPlan {
  visits: PlannedVisit[];
  /** Entries nobody eligible could visit, with why. */
  unplanned: UnplannedVisit[];
  /** Visits per person after the plan (the loads given, plus this plan's visits). */
  loads: Record<string, number>;
}

const MAX_NAMES_IN_REASON = 5;

/**
 * The days a visit may fall on, `YYYY-MM-DD` in the stage's zone: from the day the stage opens to the day it
 * closes. A close at midnight sharp leaves nothing of that day, so the last day is the one before.
 */
export function visitDays(opensAt: Date, closesAt: Date, zone: Zone): { first: string; last: string } {
  return {
    first: instantToLocal(opensAt, zone).slice(0, 10),
    last: instantToLocal(new Date(closesAt.getTime() - 1), zone).slice(0, 10),
  };
}

interface Excluded {
  person: AssignableEvaluator;
  reason: string;
}

/**
 * For every entry the least-loaded panelist and the least-loaded evaluator without a conflict of interest, equal
 * loads broken by id. `loads` (visits each person already has in the stage) is read, not changed. Entries and
 * people are treated as sets: the most constrained entries choose first, then by id, so the same inputs in any
 * order give the same plan. A person who is both panelist and evaluator never visits an entry twice over.
 */
export function planVisits(
  entries: AssignableEntry[],
  panelists: AssignableEvaluator[],
  evaluators: AssignableEvaluator[],
  loads: Record<string, number>,
  rules: ConflictRules = { sameProvince: false },
): VisitPlan {
  const panelPool = byId(panelists, 'panelist');
  const evaluatorPool = byId(evaluators, 'evaluator');
  const current = new Map<string, number>();
  for (const person of [...panelPool, ...evaluatorPool]) current.set(person.id, loads[person.id] ?? 0);

  const states = byId(entries, 'entry').map((entry) => ({
    entry,
    panel: split(entry, panelPool, rules),
    evaluation: split(entry, evaluatorPool, rules),
  }));
  const order = [...states].sort(
    (a, b) =>
      Math.min(a.panel.eligible.length, a.evaluation.eligible.length) -
        Math.min(b.panel.eligible.length, b.evaluation.eligible.length) || compareText(a.entry.id, b.entry.id),
  );

  const placed = new Map<string, PlannedVisit>();
  const unplaced = new Map<string, UnplannedVisit>();
  for (const state of order) {
    const pair = pickPair(state.panel.eligible, state.evaluation.eligible, current);
    if (!pair) {
      unplaced.set(state.entry.id, {
        entryId: state.entry.id,
        reason: nobodyReason(state.panel, state.evaluation, panelPool.length, evaluatorPool.length),
      });
      continue;
    }
    const [panelist, evaluator] = pair;
    const reason = [
      `panelist ${label(panelist)}: ${leastLoaded('panelist', current.get(panelist.id)!, state.panel.excluded)}`,
      `evaluator ${label(evaluator)}: ${leastLoaded('evaluator', current.get(evaluator.id)!, state.evaluation.excluded)}`,
    ].join('; ');
    current.set(panelist.id, current.get(panelist.id)! + 1);
    current.set(evaluator.id, current.get(evaluator.id)! + 1);
    placed.set(state.entry.id, { entryId: state.entry.id, panelistId: panelist.id, evaluatorId: evaluator.id, reason });
  }

  const ids = states.map((state) => state.entry.id);
  return {
    visits: ids.flatMap((id) => placed.get(id) ?? []),
    unplanned: ids.flatMap((id) => unplaced.get(id) ?? []),
    loads: Object.fromEntries(current),
  };
}

function split(entry: AssignableEntry, pool: AssignableEvaluator[], rules: ConflictRules) {
  const eligible: AssignableEvaluator[] = [];
  const excluded: Excluded[] = [];
  for (const person of pool) {
    const reason = conflictOf(entry, person, rules);
    if (reason === null) eligible.push(person);
    else excluded.push({ person, reason });
  }
  return { eligible, excluded };
}

/** The lightest panelist, then the lightest evaluator who is someone else; ties by id. */
function pickPair(
  panelists: AssignableEvaluator[],
  evaluators: AssignableEvaluator[],
  loads: Map<string, number>,
): [AssignableEvaluator, AssignableEvaluator] | null {
  const rankedEvaluators = byLoad(evaluators, loads);
  for (const panelist of byLoad(panelists, loads)) {
    const evaluator = rankedEvaluators.find((candidate) => candidate.id !== panelist.id);
    if (evaluator) return [panelist, evaluator];
  }
  return null;
}

function byLoad(people: AssignableEvaluator[], loads: Map<string, number>): AssignableEvaluator[] {
  return [...people].sort((a, b) => loads.get(a.id)! - loads.get(b.id)! || compareText(a.id, b.id));
}

function leastLoaded(role: string, load: number, excluded: Excluded[]): string {
  return `least-loaded ${role} without a conflict (load ${load} before this visit)${excludedText(excluded)}`;
}

function excludedText(excluded: Excluded[]): string {
  if (excluded.length === 0) return '';
  const named = excluded.slice(0, MAX_NAMES_IN_REASON).map((item) => `${label(item.person)} (${item.reason})`);
  return `, excluded ${named.join(', ')}${moreText(excluded.length)}`;
}

function nobodyReason(
  panel: { eligible: AssignableEvaluator[]; excluded: Excluded[] },
  evaluation: { eligible: AssignableEvaluator[]; excluded: Excluded[] },
  panelists: number,
  evaluators: number,
): string {
  const parts: string[] = [];
  if (panel.eligible.length === 0) parts.push(nobody('panelist', panelists, panel.excluded));
  if (evaluation.eligible.length === 0) parts.push(nobody('evaluator', evaluators, evaluation.excluded));
  // Both pools have someone, but only the same one person: nobody may be both visitors of one entry.
  if (parts.length === 0) parts.push('the only eligible panelist and evaluator are the same person');
  return parts.join('; ');
}

function nobody(role: string, poolSize: number, excluded: Excluded[]): string {
  if (poolSize === 0) return `the cycle has no ${role}s`;
  const byReason = new Map<string, string[]>();
  for (const { person, reason } of excluded.slice(0, MAX_NAMES_IN_REASON)) {
    byReason.set(reason, [...(byReason.get(reason) ?? []), label(person)]);
  }
  const groups = [...byReason].map(([reason, names]) => `${names.join(', ')}: ${reason}`);
  return `no ${role} without a conflict of interest (${groups.join('; ')}${moreText(excluded.length)})`;
}

function moreText(total: number): string {
  return total > MAX_NAMES_IN_REASON ? ` and ${total - MAX_NAMES_IN_REASON} more` : '';
}

const label = (person: AssignableEvaluator) => person.name || person.id;
