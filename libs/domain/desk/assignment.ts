import { byId, compareText } from '../ordering';
export interface AssignableEntry {
  id: string;
  agencyCode: string;
  province: string;
  /** Agency of the original innovation when this entry is a replication. */
  replicatesAgencyCode?: string | null;
}

export interface AssignableEvaluator {
  id: string;
  name?: string;
  /** Agency codes the evaluator declared (own employer included). */
  affiliations: string[];
  province?: string | null;
  /** Entries the evaluator later declared a conflict with. */
  declaredConflictEntryIds?: string[];
}

export interface ConflictRules {
  /** Never an entry from the evaluator's own province. */
  sameProvince: boolean;
}

export interface Assignment {
  entryId: string;
  evaluatorId: string;
  reason: string;
}

export interface UnplacedEntry {
  entryId: string;
  missing: number;
  reason: string;
}

export interface AssignmentPlan {
  assignments: Assignment[];
  unplaced: UnplacedEntry[];
  loads: Record<string, number>;
}

interface Conflict {
  evaluator: AssignableEvaluator;
  reason: string;
}

/** What an assignment pass knows of one entry: who may evaluate it, who may not and why, who does. */
interface EntryState {
  entry: AssignableEntry;
  eligible: AssignableEvaluator[];
  conflicts: Conflict[];
  assigned: Map<string, string>;
}

const MAX_NAMES_IN_REASON = 5;

/** Why this evaluator must not score this entry, or null when nothing stands in the way. */
export function conflictOf(
  entry: AssignableEntry,
  evaluator: AssignableEvaluator,
  rules: ConflictRules,
): string | null {
  if (evaluator.affiliations.includes(entry.agencyCode)) return `declared an affiliation with ${entry.agencyCode}`;
  if (rules.sameProvince && evaluator.province && evaluator.province === entry.province) {
    return `same province (${entry.province})`;
  }
  if (entry.replicatesAgencyCode && evaluator.affiliations.includes(entry.replicatesAgencyCode)) {
    return `the entry replicates an innovation of ${entry.replicatesAgencyCode}, a declared affiliation`;
  }
  if (evaluator.declaredConflictEntryIds?.includes(entry.id)) return 'declared a conflict with this entry';
  return null;
}

/**
 * `perEntry` distinct evaluators for every entry, none with a conflict of interest, loads as even as the conflicts
 * allow. The inputs are treated as sets: the same entries and evaluators in any order give the same plan.
 */
export function assignEvaluators(
  entries: AssignableEntry[],
  evaluators: AssignableEvaluator[],
  perEntry: number,
  rules: ConflictRules,
): AssignmentPlan {
  if (!Number.isInteger(perEntry) || perEntry < 1)
    throw new Error(`perEntry must be a whole number of at least 1, not ${perEntry}`);
  const pool = byId(evaluators, 'evaluator');
  const states = byId(entries, 'entry').map((entry) => entryState(entry, pool, rules));
  const loads = new Map(pool.map((evaluator) => [evaluator.id, 0]));

  // Most constrained first: an entry only two evaluators may score has no choice, and the others even out around it.
  const order = [...states].sort(
    (a, b) => a.eligible.length - b.eligible.length || compareText(a.entry.id, b.entry.id),
  );
  for (const state of order) {
    const picks = rankByLoad(state.entry.id, state.eligible, loads).slice(0, perEntry);
    for (const evaluator of picks) {
      const load = loads.get(evaluator.id)!;
      state.assigned.set(evaluator.id, leastLoadedReason(load, state.conflicts));
      loads.set(evaluator.id, load + 1);
    }
  }
  rebalance(states, pool, loads);

  const assignments: Assignment[] = [];
  const unplaced: UnplacedEntry[] = [];
  for (const state of states) {
    for (const evaluatorId of [...state.assigned.keys()].sort(compareText)) {
      assignments.push({ entryId: state.entry.id, evaluatorId, reason: state.assigned.get(evaluatorId)! });
    }
    if (state.assigned.size < perEntry) {
      unplaced.push({
        entryId: state.entry.id,
        missing: perEntry - state.assigned.size,
        reason: shortfallReason(state, pool.length, perEntry),
      });
    }
  }
  return { assignments, unplaced, loads: Object.fromEntries(loads) };
}

/**
 * Who takes over an entry from an evaluator who dropped out or declared a conflict: the least-loaded evaluator
 * without a conflict and not in `exclude` (usually the entry's current evaluators). `loads` is read, not updated.
 */
export function pickReplacement(
  entry: AssignableEntry,
  evaluators: AssignableEvaluator[],
  rules: ConflictRules,
  loads: Record<string, number>,
  exclude: string[],
): { evaluatorId: string; reason: string } | null {
  const state = entryState(entry, byId(evaluators, 'evaluator'), rules);
  const loadMap = new Map(state.eligible.map((evaluator) => [evaluator.id, loads[evaluator.id] ?? 0]));
  const candidates = state.eligible.filter((evaluator) => !exclude.includes(evaluator.id));
  const best = rankByLoad(entry.id, candidates, loadMap)[0];
  if (!best) return null;
  return { evaluatorId: best.id, reason: leastLoadedReason(loadMap.get(best.id)!, state.conflicts) };
}

function entryState(entry: AssignableEntry, pool: AssignableEvaluator[], rules: ConflictRules): EntryState {
  const eligible: AssignableEvaluator[] = [];
  const conflicts: Conflict[] = [];
  for (const evaluator of pool) {
    const reason = conflictOf(entry, evaluator, rules);
    if (reason === null) eligible.push(evaluator);
    else conflicts.push({ evaluator, reason });
  }
  return { entry, eligible, conflicts, assigned: new Map() };
}

/** Least loaded first; equal loads in an order that differs per entry, so ties do not all go to one evaluator. */
function rankByLoad(
  entryId: string,
  evaluators: AssignableEvaluator[],
  loads: Map<string, number>,
): AssignableEvaluator[] {
  const seed = fnv1a(`${entryId}\u0000`, FNV_OFFSET);
  return evaluators
    .map((evaluator) => ({ evaluator, load: loads.get(evaluator.id)!, hash: fnv1a(evaluator.id, seed) }))
    .sort((a, b) => a.load - b.load || a.hash - b.hash || compareText(a.evaluator.id, b.evaluator.id))
    .map((ranked) => ranked.evaluator);
}

/**
 * Moves assignments from heavier to lighter evaluators until no move narrows the loads. A move may pass through
 * other evaluators (A hands an entry to B, B another to C) when A and C share no entry they may both score; with
 * such chains the loads end as even as the conflicts allow, not merely as even as direct moves reach.
 */
function rebalance(states: EntryState[], pool: AssignableEvaluator[], loads: Map<string, number>): void {
  const graph = new MoveGraph(states, pool);
  const load = pool.map((evaluator) => loads.get(evaluator.id)!);
  for (;;) {
    const min = Math.min(...load);
    const sources = pool
      .map((_, i) => i)
      .filter((i) => load[i] >= min + 2)
      .sort((a, b) => load[b] - load[a] || a - b);
    const path = sources.map((source) => graph.pathToLighter(source, load)).find((found) => found !== null);
    if (!path) break;
    // From the far end back, so no entry is handed on twice in one chain.
    for (let i = path.length - 1; i > 0; i--) graph.move(path[i - 1], path[i], load[path[i]]);
    load[path[0]]--;
    load[path[path.length - 1]]++;
  }
  pool.forEach((evaluator, i) => loads.set(evaluator.id, load[i]));
}

/**
 * Evaluators as nodes, with an edge from X to Y while X holds an entry that Y may take over (no conflict, not
 * already on it). Edge counts are kept up to date move by move, so a search costs evaluators², not assignments.
 */
class MoveGraph {
  private readonly size: number;
  private readonly index: Map<string, number>;
  /** `[entry * size + evaluator]`: 1 when the evaluator has no conflict with the entry. */
  private readonly mayScore: Uint8Array;
  /** `[from * size + to]`: how many of `from`'s entries `to` could take over. */
  private readonly movable: Int32Array;
  private readonly held: Set<number>[];

  constructor(
    private readonly states: EntryState[],
    private readonly pool: AssignableEvaluator[],
  ) {
    this.size = pool.length;
    this.index = new Map(pool.map((evaluator, i) => [evaluator.id, i]));
    this.mayScore = new Uint8Array(states.length * this.size);
    this.movable = new Int32Array(this.size * this.size);
    this.held = pool.map(() => new Set<number>());
    states.forEach((state, entry) => {
      for (const evaluator of state.eligible) this.mayScore[entry * this.size + this.index.get(evaluator.id)!] = 1;
      for (const holder of this.holders(entry)) this.held[holder].add(entry);
      this.count(entry, 1);
    });
  }

  /** Breadth-first from `source` to the lightest evaluator at least two below it: the evaluators on the way. */
  pathToLighter(source: number, load: number[]): number[] | null {
    const parent = new Int32Array(this.size).fill(-1);
    parent[source] = source;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head];
      for (let to = 0; to < this.size; to++) {
        if (parent[to] === -1 && this.movable[from * this.size + to] > 0) {
          parent[to] = from;
          queue.push(to);
        }
      }
    }
    let target = -1;
    for (const reached of queue) {
      if (load[reached] <= load[source] - 2 && (target === -1 || load[reached] < load[target])) target = reached;
    }
    if (target === -1) return null;
    const path = [target];
    while (path[0] !== source) path.unshift(parent[path[0]]);
    return path;
  }

  /** Hands the first (by entry id) of `from`'s entries that `to` may take over to `to`. */
  move(from: number, to: number, loadOfTo: number): void {
    let entry = -1;
    for (const candidate of this.held[from]) {
      if ((entry === -1 || candidate < entry) && this.canTake(candidate, to)) entry = candidate;
    }
    const state = this.states[entry];
    this.count(entry, -1);
    state.assigned.delete(this.pool[from].id);
    state.assigned.set(this.pool[to].id, movedReason(this.pool[from], loadOfTo, state.conflicts));
    this.held[from].delete(entry);
    this.held[to].add(entry);
    this.count(entry, 1);
  }

  private canTake(entry: number, evaluator: number): boolean {
    return (
      this.mayScore[entry * this.size + evaluator] === 1 && !this.states[entry].assigned.has(this.pool[evaluator].id)
    );
  }

  private holders(entry: number): number[] {
    return [...this.states[entry].assigned.keys()].map((id) => this.index.get(id)!);
  }

  private count(entry: number, delta: 1 | -1): void {
    const holders = this.holders(entry);
    for (let to = 0; to < this.size; to++) {
      if (!this.canTake(entry, to)) continue;
      for (const from of holders) this.movable[from * this.size + to] += delta;
    }
  }
}

function leastLoadedReason(load: number, conflicts: Conflict[]): string {
  return `least-loaded evaluator without a conflict (load ${load} before this entry)${excludedText(conflicts)}`;
}

function movedReason(from: AssignableEvaluator, load: number, conflicts: Conflict[]): string {
  return `moved from ${label(from)} to even out loads (load ${load} before this entry)${excludedText(conflicts)}`;
}

function excludedText(conflicts: Conflict[]): string {
  if (conflicts.length === 0) return '';
  const named = conflicts.slice(0, MAX_NAMES_IN_REASON).map((c) => `${label(c.evaluator)} (${c.reason})`);
  return `; excluded: ${named.join(', ')}${moreText(conflicts.length)}`;
}

function shortfallReason(state: EntryState, poolSize: number, perEntry: number): string {
  const count = state.eligible.length;
  if (state.conflicts.length === 0) return `${few(poolSize)} in the pool, ${perEntry} needed`;
  const head = `${few(count)} without a conflict of interest`;
  const byReason = new Map<string, string[]>();
  for (const { evaluator, reason } of state.conflicts.slice(0, MAX_NAMES_IN_REASON)) {
    byReason.set(reason, [...(byReason.get(reason) ?? []), label(evaluator)]);
  }
  const groups = [...byReason].map(([reason, names]) => `${joinNames(names)}: ${reason}`);
  return `${head}, ${perEntry} needed; ${groups.join('; ')}${moreText(state.conflicts.length)}`;
}

function moreText(total: number): string {
  return total > MAX_NAMES_IN_REASON ? ` and ${total - MAX_NAMES_IN_REASON} more` : '';
}

function joinNames(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const label = (evaluator: AssignableEvaluator) => evaluator.name || evaluator.id;
const few = (count: number) => (count === 0 ? 'no evaluators' : `only ${count} evaluator${count === 1 ? '' : 's'}`);

const FNV_OFFSET = 0x811c9dc5;

/** 32-bit FNV-1a, continued from `hash`; enough to scatter ties, not meant for anything secret. */
function fnv1a(text: string, hash: number): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
