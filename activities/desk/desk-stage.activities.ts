import type { EntityManager } from 'typeorm';
import { aggregateDeskScores, assignEvaluators, pickReplacement, type DeskParams } from '../../libs/domain';
import { DeskResultEntity } from '../../libs/persistence';
import {
  AT_OPENING,
  endAssignment,
  insertAssignments,
  lockAssignments,
  signalEvaluators,
  type DeskStageDeps,
} from './desk-assignments';
import { assignableEntries, assignableEvaluators, deskStage, evaluatorLoads } from './desk-data';

const AT_DEADLINE = 'engine:missing-score';

/**
 * Desk evaluation's cross-entry steps: assignment when the stage opens, reminders before the deadline, the
 * template's handling of missing scores at the deadline, and the aggregated results at the close. Each is keyed
 * in the database, so a retried activity does its work once.
 */
export function createDeskStageActivities(deps: DeskStageDeps) {
  const { dataSource } = deps;
  return {
    async assignDeskEvaluators(input: { cycleId: string; stageKey: string }) {
      return dataSource.transaction(async (tx) => {
        await lockAssignments(tx, input.cycleId, input.stageKey);
        const [{ done }] = await tx.query<{ done: number }[]>(
          `SELECT count(*)::int AS done FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2`,
          [input.cycleId, input.stageKey],
        );
        if (done > 0) return { assignments: done, unplaced: [] };
        const { params } = await deskStage(tx, input.cycleId, input.stageKey);
        const plan = assignEvaluators(
          await assignableEntries(tx, input.cycleId),
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
            assignedBy: AT_OPENING,
          })),
        );
        return { assignments: plan.assignments.length, unplaced: plan.unplaced };
      });
    },

    /** Marks who is reminded at this offset: evaluators with an entry still unscored, each once per offset. */
    async recordDeskReminders(input: { cycleId: string; stageKey: string; hoursBefore: number }) {
      const rows = await dataSource.query<{ user_id: string }[]>(
        `INSERT INTO desk_reminders (cycle_id, stage_key, hours_before, user_id)
         SELECT DISTINCT d.cycle_id, d.stage_key, $3::numeric, d.user_id
           FROM desk_assignments d JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
          WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.ended_at IS NULL
            AND NOT EXISTS (SELECT 1 FROM desk_scores s
                             WHERE s.entry_id = d.entry_id AND s.stage_key = d.stage_key AND s.user_id = d.user_id)
         ON CONFLICT DO NOTHING RETURNING user_id`,
        [input.cycleId, input.stageKey, input.hoursBefore],
      );
      return { reminded: rows.length };
    },

    /**
     * At the deadline, every active assignment still without a score is handled as the template says, and the
     * decision recorded: ranked with the scores there are, extended for that evaluator, or given to another
     * evaluator without a conflict (extended when there is none). Returns until when late scores are accepted.
     */
    async handleMissingScores(input: { cycleId: string; stageKey: string; closedByAdmin: boolean; at: string }) {
      const graceUntil = await dataSource.transaction(async (tx) => {
        // The same lock as assignment changes through the API, so a reassignment cannot interleave.
        await lockAssignments(tx, input.cycleId, input.stageKey);
        const decided = await tx.query<{ until: Date | null; n: number }[]>(
          `SELECT max(due_at) AS until, count(*)::int AS n FROM desk_missing_scores WHERE cycle_id = $1 AND stage_key = $2`,
          [input.cycleId, input.stageKey],
        );
        if (decided[0].n > 0) return decided[0].until?.toISOString() ?? null;
        const { params } = await deskStage(tx, input.cycleId, input.stageKey);
        const missing = await tx.query<{ id: string; entry_id: string; user_id: string }[]>(
          `SELECT d.id, d.entry_id, d.user_id FROM desk_assignments d
             JOIN entries e ON e.id = d.entry_id AND e.status = 'active'
            WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.ended_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM desk_scores s
                               WHERE s.entry_id = d.entry_id AND s.stage_key = d.stage_key AND s.user_id = d.user_id)
            ORDER BY d.entry_id, d.user_id`,
          [input.cycleId, input.stageKey],
        );
        const policy = input.closedByAdmin ? 'rank-with-available' : params.missingScores;
        const dueAt = new Date(Date.parse(input.at) + params.missingScoreGraceHours * 3_600_000);
        const decisions = await decideMissing(tx, input, params, policy, missing, dueAt);
        for (const decision of decisions) {
          await tx.query(
            `INSERT INTO desk_missing_scores (cycle_id, stage_key, entry_id, user_id, policy, replacement_user_id, due_at, note)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [input.cycleId, input.stageKey, ...decision],
          );
        }
        return decisions.some((decision) => decision[4]) ? dueAt.toISOString() : null;
      });
      // Told on every attempt, from the database: a retry after a lost signal still brings the entries up to date.
      const reassigned = await dataSource.query<{ id: string; entry_id: string }[]>(
        `SELECT d.id, d.entry_id FROM desk_assignments d
          WHERE d.cycle_id = $1 AND d.stage_key = $2 AND d.assigned_by = $3 ORDER BY d.id`,
        [input.cycleId, input.stageKey, AT_DEADLINE],
      );
      for (const entryId of new Set(reassigned.map((row) => row.entry_id))) {
        await signalEvaluators(deps, input.cycleId, entryId, input.stageKey);
      }
      return { graceUntil, reassigned: reassigned.map((row) => row.id) };
    },

    /** Each entry's desk result from the latest score of each of its current evaluators. */
    async computeDeskResults(input: { cycleId: string; stageKey: string }) {
      const { params } = await deskStage(dataSource.manager, input.cycleId, input.stageKey);
      const latest = await dataSource.query<{ entry_id: string; user_id: string; weighted: string }[]>(
        `SELECT DISTINCT ON (s.entry_id, s.user_id) s.entry_id, s.user_id, s.weighted
           FROM desk_scores s
           JOIN desk_assignments d ON d.entry_id = s.entry_id AND d.stage_key = s.stage_key
            AND d.user_id = s.user_id AND d.ended_at IS NULL
           JOIN entries e ON e.id = s.entry_id AND e.status = 'active'
          WHERE s.cycle_id = $1 AND s.stage_key = $2
          ORDER BY s.entry_id, s.user_id, s.version DESC`,
        [input.cycleId, input.stageKey],
      );
      const results = aggregateDeskScores(
        latest.map((row) => ({ entryId: row.entry_id, evaluatorId: row.user_id, weighted: Number(row.weighted) })),
        params.normalisation,
        params.disagreementThreshold,
      );
      const repository = dataSource.getRepository(DeskResultEntity);
      for (let start = 0; start < results.length; start += 1000) {
        await repository.upsert(
          results.slice(start, start + 1000).map((result) => ({
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
          ['cycleId', 'stageKey', 'entryId'],
        );
      }
      return { entries: results.length, disagreements: results.filter((result) => result.disagreement).length };
    },
  };
}

type MissingDecision = [
  entryId: string,
  userId: string,
  policy: string,
  replacement: string | null,
  dueAt: Date | null,
  note: string,
];

async function decideMissing(
  tx: EntityManager,
  input: { cycleId: string; stageKey: string; closedByAdmin: boolean },
  params: DeskParams,
  policy: DeskParams['missingScores'],
  missing: { id: string; entry_id: string; user_id: string }[],
  dueAt: Date,
): Promise<MissingDecision[]> {
  if (policy === 'rank-with-available') {
    const note = input.closedByAdmin
      ? 'An admin closed the stage; ranked with the scores there are.'
      : 'Ranked with the scores there are, as the template says.';
    return missing.map((row) => [row.entry_id, row.user_id, policy, null, null, note]);
  }
  const extend = async (
    row: { id: string; entry_id: string; user_id: string },
    note: string,
  ): Promise<MissingDecision> => {
    await tx.query(`UPDATE desk_assignments SET due_at = $2 WHERE id = $1`, [row.id, dueAt]);
    return [row.entry_id, row.user_id, 'extend', null, dueAt, note];
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
  const decisions: MissingDecision[] = [];
  for (const row of missing) {
    const everyone = await tx.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2`,
      [row.entry_id, input.stageKey],
    );
    const replacement = pickReplacement(
      entries.get(row.entry_id)!,
      evaluators,
      { sameProvince: params.conflictSameProvince },
      loads,
      everyone.map((other) => other.user_id),
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
        assignedBy: AT_DEADLINE,
        dueAt,
      },
    ]);
    loads[replacement.evaluatorId] = (loads[replacement.evaluatorId] ?? 0) + 1;
    decisions.push([
      row.entry_id,
      row.user_id,
      'reassign',
      replacement.evaluatorId,
      dueAt,
      'Reassigned: no score by the deadline.',
    ]);
  }
  return decisions;
}

export type DeskStageActivities = ReturnType<typeof createDeskStageActivities>;
