import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { recomputeOpeningAssignment } from '../../../activities/desk/desk-assignments';
import { latestSelection } from '../../../activities/desk/selection-writer';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { CycleEntity, CycleStageEntity, SelectionEntity } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { wholeNumber } from '../common/params';
import { cycleEvaluators } from './cycle-evaluators';

/** Desk results, the ranked selection with an explanation per entry, and the published nominee list. */
@ApiTags('selection')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class SelectionController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('desk-assignments')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Every desk assignment of the cycle with its reason, and each evaluator’s load' })
  async assignments(@Param('cycleId') cycleId: string) {
    await this.cycle(cycleId);
    const [assignments, evaluators] = await Promise.all([
      this.dataSource.query(
        `SELECT d.entry_id AS "entryId", d.stage_key AS "stageKey", d.user_id AS "evaluatorId", d.reason,
                d.assigned_by AS "assignedBy", d.assigned_at AS "assignedAt", d.due_at AS "dueAt",
                d.ended_at AS "endedAt", d.ended_reason AS "endedReason"
           FROM desk_assignments d WHERE d.cycle_id = $1 ORDER BY d.entry_id, d.id`,
        [cycleId],
      ),
      cycleEvaluators(this.dataSource.manager, cycleId),
    ]);
    return { loads: evaluators.map(({ userId, email, load }) => ({ evaluatorId: userId, email, load })), assignments };
  }

  @Get('desk-assignments/verify')
  @Allow('admin', 'auditor')
  @ApiOperation({
    summary: 'Derive the opening assignment again from its inputs and compare it with what was recorded',
  })
  async verifyAssignments(@Param('cycleId') cycleId: string) {
    const cycle = await this.cycle(cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'desk-evaluation');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no desk evaluation stage.`);
    const { recorded, recomputed } = await recomputeOpeningAssignment(this.dataSource.manager, cycleId, stage.key);
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

  @Get('desk-missing-scores')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Scores missing at the deadline and what was done about each, as the template says' })
  async missingScores(@Param('cycleId') cycleId: string) {
    await this.cycle(cycleId);
    return this.dataSource.query(
      `SELECT m.entry_id AS "entryId", m.stage_key AS "stageKey", m.user_id AS "evaluatorId", m.policy,
              m.replacement_user_id AS "replacementId", m.due_at AS "dueAt", m.note, m.decided_at AS "decidedAt"
         FROM desk_missing_scores m WHERE m.cycle_id = $1 ORDER BY m.entry_id, m.user_id`,
      [cycleId],
    );
  }

  @Get('desk-results')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Each entry’s desk score: per evaluator raw and normalised, the mean, disagreement' })
  async results(@Param('cycleId') cycleId: string) {
    await this.cycle(cycleId);
    return this.dataSource.query(
      `SELECT r.entry_id AS "entryId", e.title, e.cluster, e.group_key AS "group", r.score::float8 AS score,
              r.spread::float8 AS spread, r.disagreement, r.evaluators, r.normalisation
         FROM desk_results r JOIN entries e ON e.id = r.entry_id
        WHERE r.cycle_id = $1 ORDER BY r.score DESC, r.entry_id`,
      [cycleId],
    );
  }

  @Get('selection')
  @Allow('admin', 'auditor')
  @ApiQuery({ name: 'version', required: false, description: 'A past version; the latest when left out' })
  @ApiOperation({ summary: 'The ranked selection: for every entry its ranks, whether it is in, and why' })
  async selection(@Param('cycleId') cycleId: string, @Query('version') version?: string) {
    const stageKey = await this.selectionStage(cycleId);
    const selection = version
      ? await this.dataSource
          .getRepository(SelectionEntity)
          .findOneBy({ cycleId, stageKey, version: wholeNumber('version').transform(version) })
      : await latestSelection(this.dataSource.manager, cycleId, stageKey);
    if (!selection) {
      throw new DomainError(
        ErrorCode.SelectionNotReady,
        version
          ? `${cycleId} has no selection version ${version}.`
          : `${cycleId} has no selection yet; it is made when the selection stage opens.`,
      );
    }
    const outcomes = await this.outcomes(selection.id, false);
    return { ...selection, outcomes };
  }

  @Get('nominees')
  @Allow('public')
  @ApiOperation({
    summary: 'The published nominee list (public once the selection stage has closed; uji publik objects to it)',
  })
  async nominees(@Param('cycleId') cycleId: string) {
    const stageKey = await this.selectionStage(cycleId);
    const stage = await this.dataSource.getRepository(CycleStageEntity).findOneByOrFail({ cycleId, key: stageKey });
    const selection = await latestSelection(this.dataSource.manager, cycleId, stageKey);
    if (stage.status !== 'closed' || !selection) {
      throw new DomainError(
        ErrorCode.SelectionNotReady,
        `The nominees of ${cycleId} are published when "${stage.name}" closes.`,
      );
    }
    // The public reads who is nominated; scores and the admins' explanations stay with admins and auditors.
    const nominees = (await this.outcomes(selection.id, true)).map(
      ({ entryId, title, agencyName, agencyCode, cluster, group, rankInCell }: Record<string, unknown>) => ({
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

  private async outcomes(selectionId: string, selectedOnly: boolean): Promise<Record<string, unknown>[]> {
    return this.dataSource.query(
      `SELECT o.entry_id AS "entryId", e.title, a.name AS "agencyName", e.agency_code AS "agencyCode", e.cluster,
              e.group_key AS "group", o.score::float8 AS score, o.overall_rank AS "overallRank",
              o.rank_in_cell AS "rankInCell", o.selected, o.via_3t AS "via3T", o.explanation
         FROM selection_outcomes o JOIN entries e ON e.id = o.entry_id JOIN agencies a ON a.code = e.agency_code
        WHERE o.selection_id = $1 AND (NOT $2 OR o.selected) ORDER BY o.overall_rank`,
      [selectionId, selectedOnly],
    );
  }

  private async cycle(cycleId: string) {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    return cycle;
  }

  private async selectionStage(cycleId: string): Promise<string> {
    const cycle = await this.cycle(cycleId);
    const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.type === 'selection');
    if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no selection stage.`);
    return stage.key;
  }
}
