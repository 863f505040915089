import { Inject, Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { isAgencyRole, spreadsheetText, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  entryCountsBy,
  entryListAll,
  entryListPage,
  registrationsByDay,
  type EntryListFilter,
} from '../../../libs/persistence/entries';
import { failedDeliveriesOf } from '../../../libs/persistence/notify';
import type { EntryEntity } from '../../../libs/persistence/entities';
import { cycleOrNotFound, type Db } from '../../../libs/persistence/shared';
import { asReaderOfCycle } from '../desk/blind-review';
import type { ListEntriesQueryDto } from './list-entries.query.dto';

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

/** A cycle's entries for admins (and, narrowed to what is theirs, for everyone else): filtered, paged, exportable. */
@Injectable()
export class EntryListsService {
  constructor(@Inject(DB) private readonly db: Db) {}

  async list(cycleId: string, query: ListEntriesQueryDto, principal: Principal) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const cycle = await cycleOrNotFound(this.db, cycleId);
    const [items, total] = await entryListPage(this.db, cycleId, filterOf(query, principal), {
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return asReaderOfCycle({ items: items.map(summaryOf), total, page, pageSize }, principal, cycle.resolvedTemplate);
  }

  async csv(cycleId: string, query: ListEntriesQueryDto, principal: Principal): Promise<string> {
    await cycleOrNotFound(this.db, cycleId);
    const entries = await entryListAll(this.db, cycleId, filterOf(query, principal));
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
    // Every cell is text here; a title typed as a formula reaches the spreadsheet as text (spreadsheetText).
    return stringify([CSV_COLUMNS, ...rows], { cast: { string: spreadsheetText } });
  }

  async dashboard(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    const [byStage, byCluster, byGroup, overTime, failedDeliveries] = await Promise.all([
      entryCountsBy(this.db, cycleId, 'stage'),
      entryCountsBy(this.db, cycleId, 'cluster'),
      entryCountsBy(this.db, cycleId, 'group'),
      registrationsByDay(this.db, cycleId),
      failedDeliveriesOf(this.db, cycleId),
    ]);
    const total = byStage.reduce((sum, row) => sum + row.count, 0);
    return { cycleId, total, byStage, byCluster, byGroup, overTime, failedDeliveries };
  }
}

/** The query's filters, narrowed for an agency to its own entries and for evaluators and panelists to theirs. */
function filterOf(query: ListEntriesQueryDto, principal: Principal): EntryListFilter {
  const { stage, cluster, group, status, agencyCode, search } = query;
  return {
    stage,
    cluster,
    group,
    status,
    agencyCode,
    search: search?.trim() || undefined,
    ...(isAgencyRole(principal.role) && { agencyCode: principal.agencyCode }),
    ...((principal.role === 'evaluator' || principal.role === 'panelist') && { assignedTo: principal.userId }),
  };
}
