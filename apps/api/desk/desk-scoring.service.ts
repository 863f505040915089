import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource, type EntityManager } from 'typeorm';
import {
  endAssignment,
  insertAssignments,
  lockAssignments,
  signalEvaluators,
} from '../../../activities/desk/desk-assignments';
import {
  assignableEntries,
  assignableEvaluators,
  currentAssignment,
  deskStage,
  evaluatorLoads,
} from '../../../activities/desk/desk-data';
import {
  assertScoreSheet,
  conflictOf,
  DomainError,
  ErrorCode,
  pickReplacement,
  rubricOfGroup,
  type Principal,
} from '../../../libs/domain';
import { TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { CycleStageEntity, DeskAssignmentEntity, DeskScoreEntity, type EntryEntity } from '../../../libs/persistence';
import { submitDeskScoreUpdate } from '../../../workflows/entry.messages';
import { EntriesService } from '../entries/entries.service';
import { NoticesService } from '../notify/notices.service';
import type { DeclareConflictRequestDto, DeskScoreRequestDto, ReassignRequestDto } from './desk-score.request.dto';

/**
 * An entry in desk evaluation: evaluators' score sheets (an Update on the entry workflow), their declared conflicts,
 * an admin's reassignment. Every change of evaluators ends the old assignment with its reason and adds the new one
 * with its own, and tells the entry's workflow who may score now.
 */
@Injectable()
export class DeskScoringService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly entries: EntriesService,
    private readonly notices: NoticesService,
  ) {}

  async submitScore(entryId: string, body: DeskScoreRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { cycle, params } = await this.openDeskStage(this.dataSource.manager, entry, false);
    const rubric = rubricOfGroup(cycle.resolvedTemplate, entry.groupKey);
    assertScoreSheet(rubric, params.commentRequired, body.scores, body.comment);
    return this.client.workflow.getHandle(entry.workflowId).executeUpdate(submitDeskScoreUpdate, {
      args: [{ evaluatorId: by.userId, scores: body.scores, comment: body.comment ?? null }],
    });
  }

  /** Every version of every sheet; an evaluator sees only their own. */
  async scores(entryId: string, by: Principal) {
    await this.entries.visibleEntry(entryId, by);
    return this.dataSource.getRepository(DeskScoreEntity).find({
      where: { entryId, ...(by.role === 'evaluator' ? { userId: by.userId } : {}) },
      order: { stageKey: 'ASC', userId: 'ASC', version: 'ASC' },
    });
  }

  async assignments(entryId: string, by: Principal) {
    await this.entries.visibleEntry(entryId, by);
    return this.dataSource.getRepository(DeskAssignmentEntity).find({ where: { entryId }, order: { id: 'ASC' } });
  }

  /** An evaluator declares a conflict: the conflict is recorded, and the entry given to another evaluator. */
  async declareConflict(entryId: string, body: DeclareConflictRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const result = await this.dataSource.transaction(async (tx) => {
      const { stage } = await this.openDeskStage(tx, entry);
      await lockAssignments(tx, entry.cycleId, stage.key);
      const current = await this.activeAssignment(tx, entryId, stage.key, by.userId);
      await tx.query(
        `INSERT INTO evaluator_conflicts (entry_id, user_id, cycle_id, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [entryId, by.userId, entry.cycleId, body.reason],
      );
      return this.replace(tx, entry, stage.key, current, undefined, {
        ended: `Declared a conflict of interest: ${body.reason}`,
        added: 'Replaces an evaluator who declared a conflict of interest',
        by: by.userId,
      });
    });
    await signalEvaluators(
      { dataSource: this.dataSource, client: this.client },
      entry.cycleId,
      entryId,
      result.stageKey,
    );
    return result;
  }

  /** An admin moves an entry from one evaluator to another (or to the least-loaded one without a conflict). */
  async reassign(entryId: string, body: ReassignRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const result = await this.dataSource.transaction(async (tx) => {
      const { stage } = await this.openDeskStage(tx, entry);
      await lockAssignments(tx, entry.cycleId, stage.key);
      const current = await this.activeAssignment(tx, entryId, stage.key, body.remove, 'remove');
      return this.replace(tx, entry, stage.key, current, body.add, {
        ended: `Reassigned by an admin: ${body.reason}`,
        added: `Assigned by an admin: ${body.reason}`,
        by: by.userId,
      });
    });
    await signalEvaluators(
      { dataSource: this.dataSource, client: this.client },
      entry.cycleId,
      entryId,
      result.stageKey,
    );
    return result;
  }

  /** The entry's workflow learns its evaluators; the one given the entry is told. */
  private async afterChange(entry: EntryEntity, result: { stageKey: string; assignmentId: string | null }) {
    await signalEvaluators(
      { dataSource: this.dataSource, client: this.client },
      entry.cycleId,
      entry.id,
      result.stageKey,
    );
    if (result.assignmentId) {
      await this.notices.send({
        kind: 'desk-reassigned',
        cycleId: entry.cycleId,
        stageKey: result.stageKey,
        assignmentIds: [result.assignmentId],
      });
    }
  }

  private async replace(
    tx: EntityManager,
    entry: EntryEntity,
    stageKey: string,
    current: DeskAssignmentEntity,
    chosen: string | undefined,
    reasons: { ended: string; added: string; by: string },
  ) {
    const { params } = await deskStage(tx, entry.cycleId, stageKey);
    const rules = { sameProvince: params.conflictSameProvince };
    const [assignable] = await assignableEntries(tx, entry.cycleId, [entry.id]);
    const evaluators = await assignableEvaluators(tx, entry.cycleId);
    const onEntry = await tx.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 AND (ended_at IS NULL OR user_id = $3)`,
      [entry.id, stageKey, current.userId],
    );
    const taken = onEntry.map((row) => row.user_id);
    let replacement: { evaluatorId: string; reason: string } | null;
    if (chosen) {
      const evaluator = evaluators.find((candidate) => candidate.id === chosen);
      if (!evaluator) {
        throw new DomainError(ErrorCode.EvaluatorNotFound, `${chosen} is not an evaluator of ${entry.cycleId}.`, [
          { path: 'add', message: 'not an evaluator of this cycle' },
        ]);
      }
      const conflict = conflictOf(assignable, evaluator, rules);
      if (conflict) {
        throw new DomainError(
          ErrorCode.EvaluatorConflict,
          `${evaluator.name ?? chosen} has a conflict of interest: ${conflict}.`,
          [{ path: 'add', message: conflict }],
        );
      }
      if (taken.includes(chosen)) {
        throw new DomainError(ErrorCode.EvaluatorConflict, `${evaluator.name ?? chosen} is already on this entry.`, [
          { path: 'add', message: 'already assigned to this entry' },
        ]);
      }
      replacement = { evaluatorId: chosen, reason: 'chosen by the admin, no conflict of interest' };
    } else {
      replacement = pickReplacement(
        assignable,
        evaluators,
        rules,
        await evaluatorLoads(tx, entry.cycleId, stageKey),
        taken,
      );
    }
    await endAssignment(tx, current, reasons.ended);
    let assignmentId: string | null = null;
    if (replacement) {
      // After the deadline (in a grace period) the newcomer gets the latest time anyone on the stage has.
      const [{ grace }] = await tx.query<{ grace: Date | null }[]>(
        `SELECT max(due_at) AS grace FROM desk_assignments WHERE cycle_id = $1 AND stage_key = $2 AND ended_at IS NULL`,
        [entry.cycleId, stageKey],
      );
      await insertAssignments(tx, [
        {
          cycleId: entry.cycleId,
          stageKey,
          entryId: entry.id,
          userId: replacement.evaluatorId,
          reason: `${reasons.added}; ${replacement.reason}`,
          assignedBy: reasons.by,
          dueAt: current.dueAt ?? grace,
        },
      ]);
      const [{ id }] = await tx.query<{ id: string }[]>(
        `SELECT id FROM desk_assignments WHERE entry_id = $1 AND stage_key = $2 AND user_id = $3 AND ended_at IS NULL`,
        [entry.id, stageKey, replacement.evaluatorId],
      );
      assignmentId = id;
    }
    return {
      entryId: entry.id,
      stageKey,
      assignmentId,
      removed: current.userId,
      added: replacement?.evaluatorId ?? null,
      note: replacement ? undefined : 'No evaluator without a conflict of interest is free; an admin must assign one.',
    };
  }

  private async activeAssignment(tx: EntityManager, entryId: string, stageKey: string, userId: string, path?: string) {
    const assignment = await currentAssignment(tx, { entryId, stageKey, userId }, true);
    if (!assignment) {
      throw new DomainError(
        ErrorCode.NotAssigned,
        'That evaluator is not assigned to this entry.',
        path ? [{ path, message: 'not assigned to this entry' }] : [],
      );
    }
    return assignment;
  }

  /** The cycle's open desk stage; desk actions are refused before it opens and after it closes. */
  private async openDeskStage(tx: EntityManager, entry: EntryEntity, lock = true) {
    const row = await tx.getRepository(CycleStageEntity).findOne({
      where: { cycleId: entry.cycleId, type: 'desk-evaluation', status: 'open' },
      ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!row) throw new DomainError(ErrorCode.StageNotOpen, `Desk evaluation is not open in ${entry.cycleId}.`);
    return deskStage(tx, entry.cycleId, row.key);
  }
}
