import {
  allocateInterviews,
  earliestStartBeforeCutOff,
  settledOutcomesBefore,
  instantToLocal,
  localToInstant,
  planSlots,
  type InterviewParams,
  type Zone,
} from '../../libs/domain';
import {
  agenciesOfActiveEntries,
  allocationDone,
  lockAgencyPresentations,
  grantPanelAccess,
  insertAllocatedSchedule,
  insertSlots,
  interviewStage,
  lockSchedule,
  recordMissedInterviews,
  schedulableEntries,
  schedulePanels,
  scheduleSummary,
} from '../../libs/persistence/interview';
import { entriesEndedBySettledOutcomes } from '../../libs/persistence/entries';
import { cycleOrNotFound, inTransaction, type Db } from '../../libs/persistence/shared';

/**
 * The interview stage's cross-entry steps: at the opening, the slots laid out from the template and every finalist
 * (each active entry) given one, or named as unplaced with the reason; at the close, a slot nobody attended is a
 * no-show. Both are keyed in the database, so a retried activity does its work once.
 */
export function createInterviewStageActivities(db: Db) {
  return {
    async allocateInterviewSlots(input: { cycleId: string; stageKey: string }) {
      return inTransaction(db, async (tx) => {
        await lockSchedule(tx, input.cycleId, input.stageKey);
        if (await allocationDone(tx, input.cycleId, input.stageKey)) {
          return scheduleSummary(tx, input.cycleId, input.stageKey);
        }
        const { stage, params, zone } = await interviewStage(tx, input.cycleId, input.stageKey);
        // The schedule is published when the stage opens: at its instant, or earlier when an admin opens it early.
        // Notice days and the confirmation cut-off count from then; every slot leaves the agency until its cut-off.
        const publishedAt = new Date(Math.min(stage.opensAt.getTime(), Date.now()));
        const confirmable = earliestStartBeforeCutOff(publishedAt, params).getTime();
        const window = {
          opensAt: new Date(
            Math.max(Date.parse(firstInterviewDay(publishedAt, zone, params)), confirmable),
          ).toISOString(),
          closesAt: stage.closesAt.toISOString(),
          zone,
        };
        // A panel nobody sits on hears no one (nobody could record attendance there).
        const panels = (await schedulePanels(tx, input.cycleId, input.stageKey)).filter(
          (panel) => panel.panelists.length > 0,
        );
        const slots = await insertSlots(
          tx,
          input,
          planSlots(
            window,
            params,
            panels.map((panel) => panel.key),
          ),
        );
        // The finalists are who the stages before settled, whether or not each entry has applied that yet; an
        // agency's interviews in other cycles count: it cannot present twice at the same time.
        await lockAgencyPresentations(tx, await agenciesOfActiveEntries(tx, input.cycleId));
        const { resolvedTemplate } = await cycleOrNotFound(tx, input.cycleId);
        const settled = settledOutcomesBefore(resolvedTemplate, input.stageKey);
        const ended = await entriesEndedBySettledOutcomes(tx, input.cycleId, settled);
        const entries = (await schedulableEntries(tx, input.cycleId, undefined, { presentationsOutside: true })).filter(
          (entry) => !ended.has(entry.id),
        );
        const schedule = allocateInterviews(slots, entries, panels, {
          sameProvince: params.conflictSameProvince,
          agencyHours: params.agencyHours,
        });
        await insertAllocatedSchedule(
          tx,
          input,
          schedule,
          panels.length === 0 ? NO_PANELS : slots.length === 0 ? NO_SLOTS : null,
        );
        await grantPanelAccess(tx, input.cycleId, input.stageKey);
        return scheduleSummary(tx, input.cycleId, input.stageKey);
      });
    },

    /** At the close: a live booking whose grace period ran out without attendance recorded is a no-show. */
    async recordMissedInterviews(input: { cycleId: string; stageKey: string }) {
      const { params } = await interviewStage(db, input.cycleId, input.stageKey);
      return { noShows: await recordMissedInterviews(db, input.cycleId, input.stageKey, params.noShowGraceMinutes) };
    },
  };
}

/** Interviews begin `noticeDays` after the opening (the schedule is published first), at local midnight. */
function firstInterviewDay(opensAt: Date, zone: Zone, params: InterviewParams): string {
  if (params.noticeDays === 0) return opensAt.toISOString();
  const openingDay = instantToLocal(opensAt, zone).slice(0, 10);
  const first = new Date(Date.parse(`${openingDay}T00:00:00Z`) + params.noticeDays * 86_400_000);
  return localToInstant(`${first.toISOString().slice(0, 10)}T00:00`, zone)!.toISOString();
}

const NO_PANELS = 'no interview panel has members: set them with PUT /cycles/{cycleId}/interview-panels, then book';
const NO_SLOTS = 'the stage has no interview slots: its window holds no whole slot of the panels’ day';

export type InterviewStageActivities = ReturnType<typeof createInterviewStageActivities>;
