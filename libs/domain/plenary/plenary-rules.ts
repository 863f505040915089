import { compareText } from '../ordering';
import type { FinalRanking, RankedFinalist } from './ranking';

export type Vote = 'approve' | 'reject' | 'abstain';

export interface Ballot {
  panelistId: string;
  vote: Vote;
}

export interface VoteCount {
  approve: number;
  reject: number;
  abstain: number;
}

export interface VoteTally extends VoteCount {
  /** Panelists present (each once). Those present who did not vote count here too, as an abstention would. */
  present: number;
  /** The ballot that counts for each present panelist who voted (their last), by panelist id. */
  counted: Ballot[];
  /** Present panelists without a ballot, by id. */
  notVoted: string[];
  /** Panelists who voted but are not present; their ballots do not count. By id. */
  notPresent: string[];
}

export type OverrideDirection = 'in' | 'out';

/** The plenary moving an entry into (`in`) or out of (`out`) the winners of its own cluster and group. */
export interface Override {
  entryId: string;
  direction: OverrideDirection;
  reason: string;
}

export type FinalistStatus = 'winner' | 'finalist' | 'not-selected';

export interface DecidedFinalist extends RankedFinalist {
  /**
   * `winner`: proposed and not moved out, or moved in; `finalist`: ranked, not a winner; `not-selected`: moved out
   * by the plenary, or without a final score (so never rankable).
   */
  status: FinalistStatus;
  override?: { direction: OverrideDirection; reason: string };
}

export interface DecidedGroup {
  cluster: string;
  group: string;
  /** Winners in rank order (ranks as computed: an entry moved in keeps its rank). */
  winners: DecidedFinalist[];
  /** Every entry in the ranking's order. */
  entries: DecidedFinalist[];
}

export interface PlenaryOutcome {
  groups: DecidedGroup[];
}

/** An override's reason must say something a reader of the decision can weigh. */
export const MIN_OVERRIDE_REASON_LENGTH = 20;

/** A majority of the members: 7 of 13, 7 of 12. */
export function quorumOf(members: number): number {
  if (!Number.isInteger(members) || members < 1)
    throw new Error(`members must be a whole number above 0, not ${members}`);
  return Math.floor(members / 2) + 1;
}

/** Whether at least `quorum` different panelists are present. */
export function hasQuorum(presentIds: string[], quorum: number): boolean {
  if (!Number.isInteger(quorum) || quorum < 1)
    throw new Error(`the quorum must be a whole number above 0, not ${quorum}`);
  return new Set(presentIds).size >= quorum;
}

/**
 * Counts the votes of the panelists present, in the order given (the order they were cast): a panelist's last
 * vote replaces their earlier ones; votes of panelists not present are set aside, not counted.
 */
export function tallyVotes(votes: Ballot[], presentIds: string[]): VoteTally {
  const present = new Set(presentIds);
  const last = new Map<string, Vote>();
  const notPresent = new Set<string>();
  for (const { panelistId, vote } of votes) {
    if (vote !== 'approve' && vote !== 'reject' && vote !== 'abstain') {
      throw new Error(`panelist ${panelistId}: "${String(vote)}" is not a vote (approve, reject or abstain)`);
    }
    if (present.has(panelistId)) last.set(panelistId, vote);
    else notPresent.add(panelistId);
  }
  const counted = [...last].map(([panelistId, vote]) => ({ panelistId, vote })).sort(byPanelist);
  const count = (vote: Vote) => counted.filter((ballot) => ballot.vote === vote).length;
  return {
    approve: count('approve'),
    reject: count('reject'),
    abstain: count('abstain'),
    present: present.size,
    counted,
    notVoted: [...present].filter((id) => !last.has(id)).sort(compareText),
    notPresent: [...notPresent].sort(compareText),
  };
}

/**
 * An override carries with more than half of those present voting for it: 7 of 13 carries, 6 of 12 does not,
 * and an abstention (or no vote) weighs as a vote against, since the panelist is present.
 */
export function overrideCarries(votesFor: number, present: number): boolean {
  if (!Number.isInteger(present) || present < 0) throw new Error(`present must be a whole number, not ${present}`);
  if (!Number.isInteger(votesFor) || votesFor < 0 || votesFor > present) {
    throw new Error(`votes for must be a whole number from 0 to the ${present} present, not ${votesFor}`);
  }
  return votesFor * 2 > present;
}

/** What keeps one override from being applied to `ranking`; empty when nothing does. */
export function validateOverride(ranking: FinalRanking, override: Override): string[] {
  const problems: string[] = [];
  if (override.direction !== 'in' && override.direction !== 'out') {
    problems.push(`the direction must be "in" or "out", not "${String(override.direction)}"`);
  }
  const length = [...(override.reason ?? '').trim()].length;
  if (length < MIN_OVERRIDE_REASON_LENGTH) {
    problems.push(`the reason must be at least ${MIN_OVERRIDE_REASON_LENGTH} characters (it has ${length})`);
  }
  const found = findEntry(ranking, override.entryId);
  if (!found) {
    problems.push(`entry ${override.entryId} is not in the ranking`);
    return problems;
  }
  const where = `${found.cluster}/${found.group}`;
  if (override.direction === 'in') {
    if (found.rank === null) {
      problems.push(
        `entry ${found.entryId} has no final score (${found.missing.join(', ')} missing), so it cannot be moved in`,
      );
    } else if (found.proposed) {
      problems.push(`entry ${found.entryId} is already a winner (rank ${found.rank} in ${where}, top ${ranking.topN})`);
    }
  }
  if (override.direction === 'out' && !found.proposed) {
    const rank = found.rank === null ? 'unranked' : `rank ${found.rank}`;
    problems.push(
      `entry ${found.entryId} is not a winner (${rank} in ${where}, top ${ranking.topN}), so it cannot be moved out`,
    );
  }
  return problems;
}

/** Every problem of a set of overrides, including an entry overridden twice. */
export function validateOverrides(ranking: FinalRanking, overrides: Override[]): string[] {
  const problems = overrides.flatMap((override) => validateOverride(ranking, override));
  const seen = new Set<string>();
  for (const { entryId } of overrides) {
    if (seen.has(entryId)) problems.push(`entry ${entryId} has more than one override`);
    seen.add(entryId);
  }
  return problems;
}

/**
 * The winners of each cluster and group once the plenary's carried overrides are applied: an entry moved in joins
 * the winners of its own cluster and group, one moved out leaves them; ranks stay as computed, so winners remain
 * in rank order, and each override is noted on its entry. Overrides that `validateOverrides` refuses throw.
 */
export function applyOverrides(ranking: FinalRanking, overrides: Override[]): PlenaryOutcome {
  const problems = validateOverrides(ranking, overrides);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const byEntry = new Map(overrides.map((o) => [o.entryId, o]));
  return {
    groups: ranking.groups.map((group): DecidedGroup => {
      const entries = group.entries.map((entry): DecidedFinalist => {
        const override = byEntry.get(entry.entryId);
        const decided: DecidedFinalist = { ...entry, status: statusOf(entry, override) };
        if (override) decided.override = { direction: override.direction, reason: override.reason.trim() };
        return decided;
      });
      return {
        cluster: group.cluster,
        group: group.group,
        winners: entries.filter((entry) => entry.status === 'winner'),
        entries,
      };
    }),
  };
}

function statusOf(entry: RankedFinalist, override: Override | undefined): FinalistStatus {
  if (override?.direction === 'in') return 'winner';
  if (override?.direction === 'out' || entry.rank === null) return 'not-selected';
  return entry.proposed ? 'winner' : 'finalist';
}

function findEntry(ranking: FinalRanking, entryId: string): RankedFinalist | undefined {
  for (const group of ranking.groups) {
    const found = group.entries.find((entry) => entry.entryId === entryId);
    if (found) return found;
  }
  return undefined;
}

const byPanelist = (a: Ballot, b: Ballot) => compareText(a.panelistId, b.panelistId);
