import { proxyActivities } from '@temporalio/workflow';
import type { ScreeningActivities } from '../../activities/screening.activities';
import { notify } from '../notify';
import type { StageKind } from './stage-kind';

const screening = proxyActivities<ScreeningActivities>({
  startToCloseTimeout: '10 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Administrative screening: the template's rules decide what they can at the opening, the secretariat the rest;
 * at the close every entry still undecided gets the template's default, and each agency hears its own outcome.
 */
export const screeningStage: StageKind = {
  async afterOpen({ cycleId, stage }) {
    await screening.applyScreeningRules({ cycleId, stageKey: stage.key });
  },
  async afterClose({ cycleId, stage, stageState }) {
    const at = stageState.closedAt!;
    await screening.applyDefaultScreeningOutcome({ cycleId, stageKey: stage.key, at });
    await notify({ kind: 'screening-outcome', cycleId, stageKey: stage.key });
  },
  outcomes: () => 'screening',
};
