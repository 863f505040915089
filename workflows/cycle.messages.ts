import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ResolvedTemplate } from '../libs/domain';

export interface CycleWorkflowInput {
  cycleId: string;
  template: ResolvedTemplate;
}

/** `closing`: the cycle has decided to close the stage and is recording it; no Update may change it any more. */
export type CycleStageStatus = 'pending' | 'open' | 'closing' | 'closed';

export interface CycleState {
  cycleId: string;
  status: 'running' | 'completed';
  paused?: boolean;
  currentStage?: string;
  stages: {
    key: string;
    status: CycleStageStatus;
    /** Set once the read model shows the stage open. */
    openedAt?: string;
    closesAt?: string;
    closedAt?: string;
    closedBy?: 'schedule' | 'admin';
  }[];
}

export interface CloseStageNowRequest {
  stageKey: string;
  /** Who asked; recorded in history with the Update. */
  requestedBy: string;
}

export interface OpenStageNowRequest {
  stageKey: string;
  /** Why the stage opens before its calendar instant; kept in history and shown in the audit timeline. */
  reason: string;
  requestedBy: string;
}

export interface StageOpening {
  stageKey: string;
  openedAt: string;
}

export interface StageClosure {
  stageKey: string;
  closedAt: string;
}

export interface ExtendStageDeadlineRequest {
  stageKey: string;
  /** The new close instant (ISO-8601, UTC); later than the current one and in the future. */
  closesAt: string;
  reason: string;
  requestedBy: string;
}

export interface StageDeadline {
  stageKey: string;
  previousClosesAt: string;
  closesAt: string;
}

export interface PauseCycleRequest {
  reason: string;
  requestedBy: string;
}

export interface ResumeCycleRequest {
  requestedBy: string;
}

export interface CyclePauseState {
  paused: boolean;
  at: string;
}

export interface ResolveObjectionRequest {
  objectionId: string;
  /** The objection stage the objection was filed in. */
  stageKey: string;
  decision: 'upheld' | 'dismissed';
  reason: string;
  requestedBy: string;
}

export interface ObjectionResolution {
  objectionId: string;
  decision: 'upheld' | 'dismissed';
  /** Entries that joined the nominee list because the objection was upheld (the next in rank). */
  entered: string[];
  /** Entries other than the objected one that left the list (a recomputed 3T share can displace one). */
  left: string[];
}

export const resolveObjectionUpdate = defineUpdate<ObjectionResolution, [ResolveObjectionRequest]>('resolveObjection');
export const openStageNowUpdate = defineUpdate<StageOpening, [OpenStageNowRequest]>('openStageNow');
export const closeStageNowUpdate = defineUpdate<StageClosure, [CloseStageNowRequest]>('closeStageNow');
export const extendStageDeadlineUpdate = defineUpdate<StageDeadline, [ExtendStageDeadlineRequest]>(
  'extendStageDeadline',
);
export const pauseCycleUpdate = defineUpdate<CyclePauseState, [PauseCycleRequest]>('pauseCycle');
export const resumeCycleUpdate = defineUpdate<CyclePauseState, [ResumeCycleRequest]>('resumeCycle');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');
