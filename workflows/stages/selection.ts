import { proxyActivities } from '@temporalio/workflow';
import type { SelectionActivities } from '../../activities/desk/selection.activities';
import type { ResolvedTemplate } from '../../libs/domain';
import type { StageKind } from './stage-kind';

export const selection = proxyActivities<SelectionActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Selection: at the opening the nominee list is ranked from the desk results. Its close settles the list for the
 * entries unless an objection window (uji publik) follows, whose close settles it instead.
 */
export const selectionStage: StageKind = {
  async afterOpen({ cycleId, stage }) {
    await selection.selectNomineesForStage({ cycleId, stageKey: stage.key });
  },
  outcomes: ({ template, stage }) => (settlesNominees(template, stage.key) ? 'selection' : undefined),
};

/**
 * Whether a stage's close settles the nominee list for the entries: the objection stage's, or the selection's
 * when no objection window follows it. Entries not on the list then end, each with its explanation.
 */
export function settlesNominees(template: ResolvedTemplate, stageKey: string): boolean {
  const index = template.stages.findIndex((stage) => stage.key === stageKey);
  const stage = template.stages[index];
  if (stage.type === 'objection') return true;
  return stage.type === 'selection' && template.stages[index + 1]?.type !== 'objection';
}
