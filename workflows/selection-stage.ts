import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { SelectionActivities } from '../activities/desk/selection.activities';
import { ErrorCode } from '../libs/domain/error-codes';
import type { ResolvedTemplate } from '../libs/domain';
import { resolveObjectionUpdate, type CycleState } from './cycle.messages';
import { notify } from './notify';
import { reject } from './rejection';

const selection = proxyActivities<SelectionActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumInterval: '1 minute' },
});

/** Histories started before selection and uji publik had steps of their own replay without them. */
export const SELECTION_STEPS_PATCH = 'selection-stage-steps';

export async function selectNominees(cycleId: string, stageKey: string): Promise<void> {
  await selection.selectNomineesForStage({ cycleId, stageKey });
}

/** Objections still open when the window closes are recorded as undecided, and their objectors told. */
export async function lapseOpenObjections(cycleId: string): Promise<void> {
  const { objectionIds } = await selection.lapseOpenObjections({ cycleId });
  if (objectionIds.length > 0) await notify({ kind: 'objections-unresolved', cycleId, objectionIds });
}

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

/**
 * Admins resolve objections during uji publik as an Update on the cycle, so each decision is in its history.
 * Refused unless the objection stage is open; an upheld objection brings the next in rank onto the list, and the
 * objector and the agencies concerned are told.
 */
export function installObjectionResolution(state: CycleState, template: ResolvedTemplate) {
  let resolving = 0;
  setHandler(
    resolveObjectionUpdate,
    async (request) => {
      resolving += 1;
      try {
        const resolution = await selection.resolveObjection({ ...request, cycleId: state.cycleId });
        await notify({
          kind: 'objection-resolved',
          cycleId: state.cycleId,
          objectionId: request.objectionId,
          entered: resolution.entered,
          left: resolution.left,
        });
        return resolution;
      } finally {
        resolving -= 1;
      }
    },
    {
      validator: ({ stageKey, decision, reason }) => {
        const stage = template.stages.find((candidate) => candidate.key === stageKey);
        if (stage?.type !== 'objection') {
          reject(ErrorCode.StageNotFound, `Stage "${stageKey}" is not an objection stage of this cycle.`);
        }
        if (state.stages.find((candidate) => candidate.key === stageKey)?.status !== 'open') {
          reject(ErrorCode.StageNotOpen, `Objections can be resolved only while "${stage.name}" is open.`);
        }
        if (decision !== 'upheld' && decision !== 'dismissed') {
          reject(ErrorCode.ValidationFailed, 'decision must be upheld or dismissed.');
        }
        if (typeof reason !== 'string' || reason.trim().length < 5) {
          reject(ErrorCode.ValidationFailed, 'reason must say, in at least 5 characters, why.');
        }
      },
    },
  );
  return {
    /** No resolution in flight: the objection stage may close (its close reads the final list). */
    idle: () => resolving === 0,
  };
}
