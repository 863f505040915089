import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import {
  assertScoreSheet,
  conflictOf,
  DomainError,
  ErrorCode,
  pickReplacement,
  rubricOfGroup,
  type Principal,
} from '../../../libs/domain';
import { signalEvaluators } from '../../../libs/desk';
import { DB, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import type { DeskAssignmentEntity, EntryEntity } from '../../../libs/persistence';
import {
  activeAssignmentId,
  assignableEntries,
  assignableEvaluators,
  assignmentsOfEntry,
  currentAssignment,
  deskScoresOfEntry,
  deskStage,
  endAssignment,
  evaluatorLoads,
  evaluatorsOnEntry,
  insertAssignments,
  latestDueAt,
  lockAssignments,
  openDeskStageRow,
  recordConflict,
} from '../../../libs/persistence/desk';
import { inTransaction, type Db } from '../../../libs/persistence/shared';
import { submitDeskScoreUpdate } from '../../../workflows/entry.messages';
import { EntriesService } from '../entries/entries.service';
import { NoticesService } from '../notify/notices.service';
import { asReaderOfCycle } from './blind-review';
import type { DeclareConflictRequestDto, DeskScoreRequestDto, ReassignRequestDto } from './desk-score.request.dto';

/**
 * An entry in desk evaluation: evaluators' score sheets (an Update on the entry workflow), their declared conflicts,
 * an admin's reassignment. Every change of evaluators ends the old assignment with its reason and adds the new one
 * with its own, and tells the entry's workflow who may score now.
 */
@Injectable()
export class DeskScoringService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly entries: EntriesService,
    private readonly notices: NoticesService,
  ) {}

  async submitScore(entryId: string, body: DeskScoreRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const { cycle, params } = await this.openDeskStage(this.db, entry, false);
    const rubric = rubricOfGroup(cycle.resolvedTemplate, entry.groupKey);
    assertScoreSheet(rubric, params.commentRequired, body.scores, body.comment);
    const receipt = await this.client.workflow.getHandle(entry.workflowId).executeUpdate(submitDeskScoreUpdate, {
      args: [{ evaluatorId: by.userId, scores: body.scores, comment: body.comment ?? null }],
    });
    return asReaderOfCycle(receipt, by, cycle.resolvedTemplate);
  }

  /** Every version of every sheet; an evaluator sees only their own. */
  async scores(entryId: string, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const sheets = await deskScoresOfEntry(this.db, entryId, by.role === 'evaluator' ? by.userId : undefined);
    return this.entries.asReader(sheets, entry.cycleId, by);
  }

  async assignments(entryId: string, by: Principal) {
    await this.entries.visibleEntry(entryId, by);
    return assignmentsOfEntry(this.db, entryId);
  }

  /** An evaluator declares a conflict: the conflict is recorded, and the entry given to another evaluator. */
  async declareConflict(entryId: string, body: DeclareConflictRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const result = await inTransaction(this.db, async (tx) => {
      const { stage } = await this.openDeskStage(tx, entry);
      await lockAssignments(tx, entry.cycleId, stage.key);
      const current = await this.activeAssignment(tx, entryId, stage.key, by.userId);
      await recordConflict(tx, { entry_id: entryId, user_id: by.userId, cycle_id: entry.cycleId, reason: body.reason });
      return this.replace(tx, entry, stage.key, current, undefined, {
        ended: `Declared a conflict of interest: ${body.reason}`,
        added: 'Replaces an evaluator who declared a conflict of interest',
        by: by.userId,
      });
    });
    await signalEvaluators(this.db, this.client, entry.cycleId, entryId, result.stageKey);
    return result;
  }

  /** An admin moves an entry from one evaluator to another (or to the least-loaded one without a conflict). */
  async reassign(entryId: string, body: ReassignRequestDto, by: Principal) {
    const entry = await this.entries.visibleEntry(entryId, by);
    const result = await inTransaction(this.db, async (tx) => {
      const { stage } = await this.openDeskStage(tx, entry);
      await lockAssignments(tx, entry.cycleId, stage.key);
      const current = await this.activeAssignment(tx, entryId, stage.key, body.remove, 'remove');
      return this.replace(tx, entry, stage.key, current, body.add, {
        ended: `Reassigned by an admin: ${body.reason}`,
        added: `Assigned by an admin: ${body.reason}`,
        by: by.userId,
      });
    });
    await signalEvaluators(this.db, this.client, entry.cycleId, entryId, result.stageKey);
    return result;
  }

  /** The entry's workflow learns its evaluators; the one given the entry is told. */
  private async afterChange(entry: EntryEntity, result: { stageKey: string; assignmentId: string | null }) {
    await signalEvaluators(this.db, this.client, entry.cycleId, entry.id, result.stageKey);
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
    tx: Db,
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
    const taken = await evaluatorsOnEntry(tx, entry.id, stageKey, current.userId);
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
      const grace = await latestDueAt(tx, entry.cycleId, stageKey);
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
      assignmentId = await activeAssignmentId(tx, entry.id, stageKey, replacement.evaluatorId);
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

  private async activeAssignment(tx: Db, entryId: string, stageKey: string, userId: string, path?: string) {
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
  private async openDeskStage(tx: Db, entry: EntryEntity, lock = true) {
    const row = await openDeskStageRow(tx, entry.cycleId, lock);
    if (!row) throw new DomainError(ErrorCode.StageNotOpen, `Desk evaluation is not open in ${entry.cycleId}.`);
    return deskStage(tx, entry.cycleId, row.key);
  }
}
