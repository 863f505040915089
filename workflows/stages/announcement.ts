import { notify } from '../notify';
import { plenaryActivities as plenary } from '../plenary-activities';
import type { StageKind } from './stage-kind';

/** At the announcement's opening the latest decision is made public and every agency is told its results. */
export const announcementStage: StageKind = {
  async afterOpen({ cycleId, stage }) {
    const { decisionNumber } = await plenary.announceResults({ cycleId, stageKey: stage.key });
    if (decisionNumber) await notify({ kind: 'results-announced', cycleId, decisionNumber });
  },
};
