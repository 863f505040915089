import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Ballot, FinalRanking, FinalScoreWeights, OverrideDirection, Vote, VoteCount } from '../libs/domain';

export interface PlenaryInput {
  cycleId: string;
  stageKey: string;
}

export interface PlenaryMember {
  panelistId: string;
  name: string;
}

/** What the plenary opens with, read once and kept in its history: the ranked list it decides on. */
export interface PlenaryOpening {
  cycleId: string;
  stageKey: string;
  programme: string;
  year: number;
  quorum: number;
  topN: number;
  weights: FinalScoreWeights;
  /** The cycle's panelists (Tim Panel Independen): those who may be present and vote. */
  members: PlenaryMember[];
  ranking: FinalRanking;
  names: { clusters: Record<string, string>; groups: Record<string, string> };
  /** Why this plenary cannot decide as it stands (e.g. a quorum above its members), for the secretariat. */
  problems: string[];
}

export interface OverrideProposal {
  overrideId: string;
  entryId: string;
  direction: OverrideDirection;
  reason: string;
  proposedBy: string;
  /**
   * `open` until a majority of those present approve (`carried`) or at least half reject (`rejected`: it can no
   * longer carry, and the entry may be proposed again); still open at the close, `lapsed`.
   */
  status: 'open' | 'carried' | 'rejected' | 'lapsed';
  ballots: Ballot[];
  /** The count when it carried. */
  votes?: VoteCount;
}

export interface RecordedDecision {
  decisionNumber: string;
  sequence: number;
  sha256: string;
  decidedAt: string;
}

export interface PlenaryState {
  /** `adjourned`: the stage closed before the plenary decided; nothing was decided. */
  status: 'open' | 'deciding' | 'decided' | 'adjourned';
  opening: PlenaryOpening;
  present: string[];
  /** Each carried override changes the proposed list; only votes on the current version count. */
  listVersion: number;
  decisionBallots: (Ballot & { listVersion: number })[];
  overrides: OverrideProposal[];
  decision?: RecordedDecision;
}

export interface AttendanceRequest {
  panelistId: string;
  present: boolean;
  requestedBy: string;
  /** The secretariat records arrivals; only a panelist records their own departure. */
  byAdmin: boolean;
}

export interface OverrideRequest {
  entryId: string;
  direction: OverrideDirection;
  reason: string;
  requestedBy: string;
  /** The secretariat proposes on the plenary's behalf; otherwise the proposer must be a member present. */
  byAdmin: boolean;
}

export interface VoteRequest {
  panelistId: string;
  /** `decision` (the proposed list as it stands) or an override's id. */
  on: string;
  vote: Vote;
}

export interface ClosePlenaryRequest {
  requestedBy: string;
}

export interface VoteOutcome {
  on: string;
  approve: number;
  reject: number;
  abstain: number;
  present: number;
  /** For an override: whether it carried with this vote. */
  carried?: boolean;
  /** For an override: whether at least half of those present now reject it. */
  rejected?: boolean;
}

export const recordAttendanceUpdate = defineUpdate<{ present: string[] }, [AttendanceRequest]>('recordAttendance');
export const proposeOverrideUpdate = defineUpdate<OverrideProposal, [OverrideRequest]>('proposeOverride');
export const castVoteUpdate = defineUpdate<VoteOutcome, [VoteRequest]>('castVote');
export const closePlenaryUpdate = defineUpdate<RecordedDecision, [ClosePlenaryRequest]>('closePlenary');
/** From the cycle: its plenary stage closed before a decision. */
export const adjournPlenarySignal = defineSignal('adjournPlenary');
export const plenaryStateQuery = defineQuery<PlenaryState>('plenaryState');
