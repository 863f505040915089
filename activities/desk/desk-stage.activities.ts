import type { Client } from '@temporalio/client';
import {
  aggregateDeskScores,
  assignEvaluators,
  pickReplacement,
  settledOutcomesBefore,
  type DeskParams,
} from '../../libs/domain';
import { signalEvaluators } from '../../libs/desk';
import {
  ASSIGNED_AT_DEADLINE,
  ASSIGNED_AT_OPENING,
  assignableEntries,
  assignableEvaluators,
  assignmentCount,
  assignmentsMadeBy,
  deskStage,
  endAssignment,
  evaluatorLoads,
  evaluatorsEverOnEntry,
  extendAssignment,
  insertAssignments,
  latestScoresOfCurrentEvaluators,
  lockAssignments,
  missingScoresDecided,
  recordDeskReminders,
  recordMissingScoreDecision,
  saveDeskResults,
  unscoredAssignments,
  type MissingScoreDecision,
  type UnscoredAssignmentRow,
} from '../../libs/persistence/desk';
import { entriesEndedBySettledOutcomes } from '../../libs/persistence/entries';
import { inTransaction, type Db } from '../../libs/persistence/shared';

export interface DeskStageDeps {
  db: Db;
  client: Client;
}

/**
 * Desk evaluation's cross-entry steps: assignment when the stage opens, reminders before the deadline, the
 * template's handling of missing scores at the deadline, and the aggregated results at the close. Each is keyed
 * in the database, so a retried activity does its work once.
 */
export function createDeskStageActivities(deps: DeskStageDeps) {
  const { db } = deps;
  return {
    async assignDeskEvaluators(input: { cycleId: string; stageKey: string }) {
      return inTransaction(db, async (tx) => {
        await lockAssignments(tx, input.cycleId, input.stageKey);
        const done = await assignmentCount(tx, input.cycleId, input.stageKey);
        if (done > 0) return { assignments: done, unplaced: [] };
        const { cycle, params } = await deskStage(tx, input.cycleId, input.stageKey);
        // Who screening failed is settled at its close, whether or not each entry has applied that yet.
        const settled = settledOutcomesBefore(cycle.resolvedTemplate, input.stageKey);
        const ended = await entriesEndedBySettledOutcomes(tx, input.cycleId, settled);
        const plan = assignEvaluators(
          (await assignableEntries(tx, input.cycleId)).filter((entry) => !ended.has(entry.id)),
          await assignableEvaluators(tx, input.cycleId),
          params.evaluatorsPerEntry,
          { sameProvince: params.conflictSameProvince },
        );
        await insertAssignments(
          tx,
          plan.assignments.map((assignment) => ({
            cycleId: input.cycleId,
            stageKey: input.stageKey,
            entryId: assignment.entryId,
            userId: assignment.evaluatorId,
            reason: assignment.reason,
            assignedBy: ASSIGNED_AT_OPENING,
          })),
        );
        return { assignments: plan.assignments.length, unplaced: plan.unplaced };
      });
    },

    /** Marks who is reminded at this offset: evaluators with an entry still unscored, each once per offset. */
    async recordDeskReminders(input: { cycleId: string; stageKey: string; hoursBefore: number }) {
      return { reminded: await recordDeskReminders(db, input.cycleId, input.stageKey, input.hoursBefore) };
    },

    /**
     * At the deadline, every active assignment still without a score is handled as the template says, and the
     * decision recorded: ranked with the scores there are, extended for that evaluator, or given to another
     * evaluator without a conflict (extended when there is none). Returns until when late scores are accepted.
     */
    async handleMissingScores(input: { cycleId: string; stageKey: string; closedByAdmin: boolean; at: string }) {
      const graceUntil = await inTransaction(db, async (tx) => {
        // The same lock as assignment changes through the API, so a reassignment cannot interleave.
        await lockAssignments(tx, input.cycleId, input.stageKey);
        const earlier = await missingScoresDecided(tx, input.cycleId, input.stageKey);
        if (earlier.decided > 0) return earlier.until?.toISOString() ?? null;
        const { params } = await deskStage(tx, input.cycleId, input.stageKey);
        const missing = await unscoredAssignments(tx, input.cycleId, input.stageKey);
        const policy = input.closedByAdmin ? 'rank-with-available' : params.missingScores;
        const dueAt = new Date(Date.parse(input.at) + params.missingScoreGraceHours * 3_600_000);
        const decisions = await decideMissing(tx, input, params, policy, missing, dueAt);
        for (const decision of decisions) {
          await recordMissingScoreDecision(tx, input.cycleId, input.stageKey, decision);
        }
        return decisions.some((decision) => decision.dueAt) ? dueAt.toISOString() : null;
      });
      // Told on every attempt, from the database: a retry after a lost signal still brings the entries up to date.
      const reassigned = await assignmentsMadeBy(db, input.cycleId, input.stageKey, ASSIGNED_AT_DEADLINE);
      for (const entryId of new Set(reassigned.map((row) => row.entry_id))) {
        await signalEvaluators(db, deps.client, input.cycleId, entryId, input.stageKey);
      }
      return { graceUntil, reassigned: reassigned.map((row) => row.id) };
    },

    /** Each entry's desk result from the latest score of each of its current evaluators. */
    async computeDeskResults(input: { cycleId: string; stageKey: string }) {
      const { params } = await deskStage(db, input.cycleId, input.stageKey);
      const latest = await latestScoresOfCurrentEvaluators(db, input.cycleId, input.stageKey);
      const results = aggregateDeskScores(
        latest.map((row) => ({ entryId: row.entry_id, evaluatorId: row.user_id, weighted: Number(row.weighted) })),
        params.normalisation,
        params.disagreementThreshold,
      );
      await saveDeskResults(
        db,
        results.map((result) => ({
          cycleId: input.cycleId,
          stageKey: input.stageKey,
          entryId: result.entryId,
          score: result.score,
          spread: result.spread,
          disagreement: result.disagreement,
          evaluators: result.evaluators.map(({ evaluatorId, weighted, normalised }) => ({
            userId: evaluatorId,
            weighted,
            normalised,
          })),
          normalisation: params.normalisation,
          computedAt: new Date(),
        })),
      );
      return { entries: results.length, disagreements: results.filter((result) => result.disagreement).length };
    },
  };
}

async function decideMissing(
  tx: Db,
  input: { cycleId: string; stageKey: string; closedByAdmin: boolean },
  params: DeskParams,
  policy: DeskParams['missingScores'],
  missing: UnscoredAssignmentRow[],
  dueAt: Date,
): Promise<MissingScoreDecision[]> {
  if (policy === 'rank-with-available') {
    const note = input.closedByAdmin
      ? 'An admin closed the stage; ranked with the scores there are.'
      : 'Ranked with the scores there are, as the template says.';
    return missing.map((row) => decision(row, policy, null, null, note));
  }
  const extend = async (row: UnscoredAssignmentRow, note: string): Promise<MissingScoreDecision> => {
    await extendAssignment(tx, row.id, dueAt);
    return decision(row, 'extend', null, dueAt, note);
  };
  if (policy === 'extend') {
    return Promise.all(
      missing.map((row) => extend(row, `Extended for this evaluator by ${params.missingScoreGraceHours} hours.`)),
    );
  }
  const evaluators = await assignableEvaluators(tx, input.cycleId);
  const loads = await evaluatorLoads(tx, input.cycleId, input.stageKey);
  const entries = new Map(
    (await assignableEntries(tx, input.cycleId, [...new Set(missing.map((row) => row.entry_id))])).map((entry) => [
      entry.id,
      entry,
    ]),
  );
  const decisions: MissingScoreDecision[] = [];
  for (const row of missing) {
    const replacement = pickReplacement(
      entries.get(row.entry_id)!,
      evaluators,
      { sameProvince: params.conflictSameProvince },
      loads,
      await evaluatorsEverOnEntry(tx, row.entry_id, input.stageKey),
    );
    if (!replacement) {
      decisions.push(
        await extend(row, 'No other evaluator without a conflict was free; extended for this evaluator instead.'),
      );
      continue;
    }
    await endAssignment(
      tx,
      { id: row.id, entryId: row.entry_id, userId: row.user_id },
      'No score by the deadline; reassigned as the template says.',
    );
    await insertAssignments(tx, [
      {
        cycleId: input.cycleId,
        stageKey: input.stageKey,
        entryId: row.entry_id,
        userId: replacement.evaluatorId,
        reason: `Replaces an evaluator without a score at the deadline: ${replacement.reason}`,
        assignedBy: ASSIGNED_AT_DEADLINE,
        dueAt,
      },
    ]);
    loads[replacement.evaluatorId] = (loads[replacement.evaluatorId] ?? 0) + 1;
    decisions.push(decision(row, 'reassign', replacement.evaluatorId, dueAt, 'Reassigned: no score by the deadline.'));
  }
  return decisions;
}

function decision(
  row: UnscoredAssignmentRow,
  policy: MissingScoreDecision['policy'],
  replacementUserId: string | null,
  dueAt: Date | null,
  note: string,
): MissingScoreDecision {
  return { entryId: row.entry_id, userId: row.user_id, policy, replacementUserId, dueAt, note };
}

export type DeskStageActivities = ReturnType<typeof createDeskStageActivities>;
