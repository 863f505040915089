import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify/sync';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode, ROLES, type Principal } from '../../../libs/domain';
import { CycleEntity, EntryEntity } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ListEntriesQueryDto } from './list-entries.query.dto';

/** An entry as lists show it: no idempotency data, no document bodies. */
function summaryOf(entry: EntryEntity) {
  return {
    id: entry.id,
    cycleId: entry.cycleId,
    agencyCode: entry.agencyCode,
    title: entry.title,
    group: entry.groupKey,
    cluster: entry.cluster,
    status: entry.status,
    currentStage: entry.currentStage,
    workflowId: entry.workflowId,
    registeredAt: entry.createdAt,
  };
}

const CSV_COLUMNS = ['id', 'agency_code', 'title', 'group', 'cluster', 'status', 'current_stage', 'registered_at'];

/** Lists for admins (and, narrowed to what is theirs, for everyone else): filtered, paged, exportable. */
@ApiTags('entries')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class EntryListsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get('entries')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'Entries of a cycle by stage, cluster, group and status, a page at a time' })
  async list(
    @Param('cycleId') cycleId: string,
    @Query() query: ListEntriesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [items, total] = await (
      await this.filtered(cycleId, query, principal)
    )
      .orderBy('entry.createdAt', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: items.map(summaryOf), total, page, pageSize };
  }

  @Get('entries.csv')
  @Allow('admin', 'auditor')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same list, every page, as CSV' })
  async exportCsv(
    @Param('cycleId') cycleId: string,
    @Query() query: ListEntriesQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    const entries = await (
      await this.filtered(cycleId, query, principal)
    )
      .orderBy('entry.createdAt', 'ASC')
      .addOrderBy('entry.id', 'ASC')
      .getMany();
    const rows = entries.map((entry) => [
      entry.id,
      entry.agencyCode,
      entry.title,
      entry.groupKey,
      entry.cluster,
      entry.status,
      entry.currentStage,
      entry.createdAt.toISOString(),
    ]);
    return stringify([CSV_COLUMNS, ...rows]);
  }

  @Get('dashboard')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Counts of entries per stage and status, cluster and group' })
  async dashboard(@Param('cycleId') cycleId: string) {
    await this.cycleOrFail(cycleId);
    const count = (column: string) =>
      this.dataSource.query<{ key: string; status: string; count: number }[]>(
        `SELECT ${column} AS key, status, count(*)::int AS count FROM entries WHERE cycle_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [cycleId],
      );
    const [byStage, byCluster, byGroup] = await Promise.all([
      count('current_stage'),
      count('cluster'),
      count('group_key'),
    ]);
    const total = byStage.reduce((sum, row) => sum + row.count, 0);
    return { cycleId, total, byStage, byCluster, byGroup };
  }

  private async filtered(
    cycleId: string,
    query: ListEntriesQueryDto,
    principal: Principal,
  ): Promise<SelectQueryBuilder<EntryEntity>> {
    await this.cycleOrFail(cycleId);
    const builder = this.dataSource
      .getRepository(EntryEntity)
      .createQueryBuilder('entry')
      .where('entry.cycleId = :cycleId', { cycleId });
    if (query.stage) builder.andWhere('entry.currentStage = :stage', { stage: query.stage });
    if (query.cluster) builder.andWhere('entry.cluster = :cluster', { cluster: query.cluster });
    if (query.group) builder.andWhere('entry.groupKey = :group', { group: query.group });
    if (query.status) builder.andWhere('entry.status = :status', { status: query.status });
    if (principal.role === 'agency') builder.andWhere('entry.agencyCode = :agency', { agency: principal.agencyCode });
    if (principal.role === 'evaluator' || principal.role === 'panelist') {
      builder.andWhere('EXISTS (SELECT 1 FROM entry_assignments a WHERE a.entry_id = entry.id AND a.user_id = :user)', {
        user: principal.userId,
      });
    }
    return builder;
  }

  private async cycleOrFail(cycleId: string): Promise<void> {
    if (!(await this.dataSource.getRepository(CycleEntity).existsBy({ id: cycleId }))) {
      throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
    }
  }
}
