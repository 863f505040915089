import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

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
}

export interface EditEntryRequest {
  changes: EntryChanges;
  requestedBy: string;
}

export interface WithdrawEntryRequest {
  reason: string;
  requestedBy: string;
}

export interface EntryState {
  entryId: string;
  cycleId: string;
  status: 'active' | 'completed' | 'withdrawn' | 'eliminated';
  currentStage: string;
  history: EntryStageRecord[];
}

export const stageEventSignal = defineSignal<[StageEvent]>('stageEvent');
export const editEntryUpdate = defineUpdate<{ entryId: string; editedAt: string }, [EditEntryRequest]>('editEntry');
export const withdrawEntryUpdate = defineUpdate<{ entryId: string; withdrawnAt: string }, [WithdrawEntryRequest]>(
  'withdrawEntry',
);
export const entryStateQuery = defineQuery<EntryState>('entryState');
