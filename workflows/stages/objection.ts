import { condition, setHandler } from '@temporalio/workflow';
import { ErrorCode } from '../../libs/domain/error-codes';
import { resolveObjectionUpdate } from '../cycle.messages';
import { notify } from '../notify';
import { reject } from '../rejection';
import { selection } from './selection';
import type { CycleRun, StageKind } from './stage-kind';

/**
 * Uji publik: the public may object to the nominee list while the window is open; admins resolve objections as an
 * Update on the cycle, so each decision is in its history. The close waits for resolutions in flight (the close
 * reads the final list), records objections still open as undecided and settles the list for the entries.
 */
export function objectionStage(cycle: CycleRun): StageKind {
  const resolutions = installObjectionResolution(cycle);
  return {
    async whileOpen() {
      return {
        async atClose(closedBy) {
          await condition(resolutions.idle);
          return closedBy;
        },
      };
    },
    async afterClose({ cycleId }) {
      // Today the activity tells the objectors itself, reading them from the database, and returns no ids: a cycle
      // history never carries one id per objection. Histories of the earlier activity carry the ids and replay
      // this notify, so it stays.
      const { objectionIds } = await selection.lapseOpenObjections({ cycleId });
      if (objectionIds.length > 0) await notify({ kind: 'objections-unresolved', cycleId, objectionIds });
    },
    outcomes: () => 'selection',
  };
}

/**
 * Refused unless the objection stage is open; an upheld objection brings the next in rank onto the list, and the
 * objector and the agencies concerned are told.
 */
function installObjectionResolution({ state, template }: CycleRun) {
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
    /** No resolution in flight: the objection stage may close. */
    idle: () => resolving === 0,
  };
}
