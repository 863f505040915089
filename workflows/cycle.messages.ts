import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ResolvedTemplate } from '../libs/domain';

export interface CycleWorkflowInput {
  cycleId: string;
  template: ResolvedTemplate;
}

export type CycleStageStatus = 'pending' | 'open' | 'closed';

export interface CycleState {
  cycleId: string;
  status: 'running' | 'completed';
  currentStage?: string;
  stages: { key: string; status: CycleStageStatus; closedBy?: 'schedule' | 'admin' }[];
}

export interface CloseStageNowRequest {
  stageKey: string;
  /** Who asked; recorded in history with the Update. */
  requestedBy: string;
}

export interface StageClosure {
  stageKey: string;
  closedAt: string;
}

export const closeStageNowUpdate = defineUpdate<StageClosure, [CloseStageNowRequest]>('closeStageNow');
export const cycleStateQuery = defineQuery<CycleState>('cycleState');
