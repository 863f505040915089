import { Inject, Injectable } from '@nestjs/common';
import { assignEvaluators, DomainError, ErrorCode } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  assignableEntries,
  assignableEvaluators,
  assignmentsOfCycle,
  cycleEvaluators,
  deskResultsOf,
  deskStage,
  missingScoresOf,
  openingAssignments,
} from '../../../libs/persistence/desk';
import {
  latestSelection,
  selectionOutcomesView,
  selectionVersion,
  stageRowOrFail,
} from '../../../libs/persistence/selection';
import { cycleOrNotFound, type Db } from '../../../libs/persistence/shared';
import { wholeNumber } from '../common/params';

/** Desk assignments and results of a cycle, its ranked selection with an explanation per entry, the nominees. */
@Injectable()
export class SelectionService {
  constructor(@Inject(DB) private readonly db: Db) {}

  async assignments(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    const [assignments, evaluators] = await Promise.all([
      assignmentsOfCycle(this.db, cycleId),
      cycleEvaluators(this.db, cycleId),
    ]);
    return { loads: evaluators.map(({ userId, email, load }) => ({ evaluatorId: userId, email, load })), assignments };
  }

  /** The opening assignment derived again from its inputs, compared with what was recorded. */
  async verifyAssignments(cycleId: string) {
    const cycle = await cycleOrNotFound(this.db, cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'desk-evaluation');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no desk evaluation stage.`);
    const { recorded, recomputed } = await this.recomputeOpeningAssignment(cycleId, stage.key);
    const missing = recomputed.filter((pair) => !recorded.includes(pair));
    const extra = recorded.filter((pair) => !recomputed.includes(pair));
    const pair = (text: string) => ({ entryId: text.split('|')[0], evaluatorId: text.split('|')[1] });
    return {
      stageKey: stage.key,
      identical: missing.length === 0 && extra.length === 0,
      assignments: recorded.length,
      onlyRecomputed: missing.slice(0, 20).map(pair),
      onlyRecorded: extra.slice(0, 20).map(pair),
    };
  }

  async missingScores(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    return missingScoresOf(this.db, cycleId);
  }

  async results(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    return deskResultsOf(this.db, cycleId);
  }

  /** A version of the selection (the query parameter as given), or the latest when none is given. */
  async selection(cycleId: string, version?: string) {
    const stageKey = await this.selectionStage(cycleId);
    const selection = version
      ? await selectionVersion(this.db, cycleId, stageKey, wholeNumber('version').transform(version))
      : await latestSelection(this.db, cycleId, stageKey);
    if (!selection) {
      throw new DomainError(
        ErrorCode.SelectionNotReady,
        version
          ? `${cycleId} has no selection version ${version}.`
          : `${cycleId} has no selection yet; it is made when the selection stage opens.`,
      );
    }
    const outcomes = await selectionOutcomesView(this.db, selection.id, false);
    return { ...selection, outcomes };
  }

  async nominees(cycleId: string) {
    const stageKey = await this.selectionStage(cycleId);
    const stage = await stageRowOrFail(this.db, cycleId, stageKey);
    const selection = await latestSelection(this.db, cycleId, stageKey);
    if (stage.status !== 'closed' || !selection) {
      throw new DomainError(
        ErrorCode.SelectionNotReady,
        `The nominees of ${cycleId} are published when "${stage.name}" closes.`,
      );
    }
    // The public reads who is nominated; scores and the admins' explanations stay with admins and auditors.
    const nominees = (await selectionOutcomesView(this.db, selection.id, true)).map(
      ({ entryId, title, agencyName, agencyCode, cluster, group, rankInCell }) => ({
        entryId,
        title,
        agencyName,
        agencyCode,
        cluster,
        group,
        rankInCell,
      }),
    );
    return { cycleId, version: selection.version, publishedAt: stage.closedAt, nominees };
  }

  /**
   * The assignment the stage's opening made, derived again from the same inputs: the entries it placed, the
   * evaluators added and the conflicts declared by the time the stage opened. Equal to what is recorded unless
   * something changed that the recorded assignment did not see (an evaluator's affiliations edited since).
   */
  private async recomputeOpeningAssignment(cycleId: string, stageKey: string) {
    const recorded = await openingAssignments(this.db, cycleId, stageKey);
    // The assignment's own transaction time: what it could see.
    const assignedAt = recorded[0]?.assigned_at ?? new Date();
    const entryIds = [...new Set(recorded.map((row) => row.entry_id))];
    const entries = await assignableEntries(this.db, cycleId, entryIds);
    const evaluators = (await assignableEvaluators(this.db, cycleId, assignedAt)).filter(
      (evaluator) => evaluator.addedAt <= assignedAt,
    );
    const { params } = await deskStage(this.db, cycleId, stageKey);
    const plan = assignEvaluators(entries, evaluators, params.evaluatorsPerEntry, {
      sameProvince: params.conflictSameProvince,
    });
    return {
      recorded: recorded.map((row) => `${row.entry_id}|${row.user_id}`).sort(),
      recomputed: plan.assignments.map((assignment) => `${assignment.entryId}|${assignment.evaluatorId}`).sort(),
    };
  }

  private async selectionStage(cycleId: string): Promise<string> {
    const cycle = await cycleOrNotFound(this.db, cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'selection');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no selection stage.`);
    return stage.key;
  }
}
