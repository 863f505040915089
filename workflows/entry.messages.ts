import { defineQuery, defineSignal } from '@temporalio/workflow';

/** What the cycle tells an entry: a stage began or ended for it. `final` marks the end of the cycle's last stage. */
export interface StageEvent {
  stageKey: string;
  kind: 'entered' | 'completed';
  /** ISO instant from the cycle workflow's clock, so every retry of the fan-out carries the same value. */
  at: string;
  outcome?: string;
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
}

export interface EntryState {
  entryId: string;
  cycleId: string;
  status: 'active' | 'completed';
  currentStage: string;
  history: EntryStageRecord[];
}

export const stageEventSignal = defineSignal<[StageEvent]>('stageEvent');
export const entryStateQuery = defineQuery<EntryState>('entryState');
