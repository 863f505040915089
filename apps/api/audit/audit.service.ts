import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { writeArchive } from '../../../libs/audit/archive';
import { crossCheck } from '../../../libs/audit/audit-chain';
import { decisionEvents } from '../../../libs/audit/decision-events';
import { entryStateAt } from '../../../libs/audit/entry-state-at';
import { replayHistories, type ReplayVerdict } from '../../../libs/audit/replay';
import { timeline } from '../../../libs/audit/timeline';
import { productionBundle } from '../../../libs/audit/workflow-bundle';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode, SEARCH_ATTRIBUTES } from '../../../libs/domain';
import { TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure/tokens';
import { AgencyEntity, CycleEntity, EntryEntity } from '../../../libs/persistence';
import { readAuditRows, verifyAuditLog } from '../../../libs/persistence/audit-log';
import type { FindWorkflowsQueryDto } from './audit.query.dto';

type History = temporal.api.history.v1.IHistory;

export interface FetchedHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  history: History;
}

const GRPC_NOT_FOUND = 5;

/** The ministry's own zone, for workflows that belong to no agency (cycles). */
const MINISTRY_ZONE = 'WIB';

/** What auditors read: Temporal histories (found by search attributes), the audit log, and replays of both. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    private readonly dataSource: DataSource,
  ) {}

  async find(query: FindWorkflowsQueryDto) {
    const clauses: string[] = [];
    const keyword = (name: string, value: string | undefined) => {
      if (value !== undefined) clauses.push(`${name} = '${value}'`);
    };
    keyword(SEARCH_ATTRIBUTES.CycleId.name, query.cycleId);
    keyword(SEARCH_ATTRIBUTES.AgencyCode.name, query.agencyCode);
    keyword(SEARCH_ATTRIBUTES.Stage.name, query.stage);
    keyword(SEARCH_ATTRIBUTES.EntryStatus.name, query.entryStatus);
    keyword('ExecutionStatus', query.executionStatus);
    keyword('WorkflowType', query.type);
    const limit = query.limit ?? 100;
    const items = [];
    for await (const execution of this.client.workflow.list({ query: clauses.join(' AND ') || undefined })) {
      const attributes = execution.searchAttributes as Record<string, unknown[] | undefined>;
      const first = (name: string) => attributes[name]?.[0] ?? null;
      items.push({
        workflowId: execution.workflowId,
        runId: execution.runId,
        type: execution.type,
        executionStatus: execution.status.name,
        startedAt: execution.startTime.toISOString(),
        closedAt: execution.closeTime?.toISOString() ?? null,
        historyLength: execution.historyLength,
        cycleId: first('CycleId'),
        agencyCode: first('AgencyCode'),
        stage: first('Stage'),
        entryStatus: first('EntryStatus'),
        cluster: first('Cluster'),
        group: first('Group'),
      });
      if (items.length >= limit) break;
    }
    return { query: clauses.join(' AND '), items };
  }

  async history(workflowId: string, runId?: string): Promise<FetchedHistory> {
    const handle = this.client.workflow.getHandle(workflowId, runId);
    try {
      const [description, history] = await Promise.all([handle.describe(), handle.fetchHistory()]);
      return { workflowId, runId: description.runId, workflowType: description.type, history };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || (error as { code?: number }).code === GRPC_NOT_FOUND) {
        throw new DomainError(ErrorCode.WorkflowNotFound, `No workflow ${workflowId}${runId ? ` run ${runId}` : ''}.`);
      }
      throw error;
    }
  }

  async rawHistory(workflowId: string, runId?: string): Promise<string> {
    return historyToJSON((await this.history(workflowId, runId)).history);
  }

  async timeline(workflowId: string, language: 'id' | 'en', runId?: string) {
    const fetched = await this.history(workflowId, runId);
    const zone = await this.zoneOf(workflowId);
    return {
      workflowId,
      runId: fetched.runId,
      workflowType: fetched.workflowType,
      language,
      zone,
      lines: timeline(fetched.history, { language, timeZone: zone }),
    };
  }

  async entryState(entryId: string, at: { eventId?: number; at?: string }) {
    const entry = await this.dataSource.getRepository(EntryEntity).findOneBy({ id: entryId });
    if (!entry) throw new DomainError(ErrorCode.EntryNotFound, 'No such entry.');
    const fetched = await this.history(entry.workflowId);
    try {
      return { entryId, workflowId: entry.workflowId, runId: fetched.runId, ...entryStateAt(fetched.history, at) };
    } catch (error) {
      throw new DomainError(ErrorCode.EventNotInHistory, (error as Error).message, [
        { path: at.eventId !== undefined ? 'eventId' : 'at', message: (error as Error).message },
      ]);
    }
  }

  async replay(workflowId: string, runId?: string): Promise<ReplayVerdict & { runId: string }> {
    const fetched = await this.history(workflowId, runId);
    const [verdict] = await this.replayAll([fetched]);
    return { ...verdict, runId: fetched.runId };
  }

  async replayCycle(cycleId: string) {
    const histories = await this.cycleHistories(cycleId);
    const verdicts = await this.replayAll(histories);
    const diverged = verdicts.filter((verdict) => !verdict.ok);
    return { cycleId, replayed: verdicts.length, ok: verdicts.length - diverged.length, diverged };
  }

  /** The cycle's workflow and every entry's, as the database lists them (visibility may lag; the database does not). */
  async cycleHistories(cycleId: string): Promise<FetchedHistory[]> {
    const cycle = await this.dataSource.getRepository(CycleEntity).findOneBy({ id: cycleId });
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle ${cycleId}.`);
    const entries = await this.dataSource
      .getRepository(EntryEntity)
      .find({ where: { cycleId }, select: { workflowId: true }, order: { workflowId: 'ASC' } });
    const histories: FetchedHistory[] = [];
    for (const workflowId of [cycle.id, ...entries.map((entry) => entry.workflowId)]) {
      histories.push(await this.history(workflowId));
    }
    return histories;
  }

  /** The archive of a cycle's histories and audit rows, as bytes (see libs/audit/archive.ts for the format). */
  async exportCycle(cycleId: string): Promise<Buffer> {
    const histories = await this.cycleHistories(cycleId);
    const auditRows = await readAuditRows(this.dataSource, { cycleId });
    const directory = await mkdtemp(join(tmpdir(), 'tahap-export-'));
    try {
      const file = join(directory, 'archive.tar.gz');
      await writeArchive(file, {
        cycleId,
        exportedAt: new Date().toISOString(),
        histories: histories.map(({ workflowId, runId, workflowType, history }) => ({
          workflowId,
          runId,
          workflowType,
          json: historyToJSON(history),
        })),
        auditRows,
      });
      return await readFile(file);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  }

  auditLog(filter: { cycleId?: string; afterSeq?: number; limit?: number }) {
    return readAuditRows(this.dataSource, { ...filter, limit: filter.limit ?? 500 });
  }

  verifyLog() {
    return verifyAuditLog(this.dataSource);
  }

  /** For each workflow of the cycle: audit rows without their history event, and decision events without a row. */
  async crossCheck(cycleId: string) {
    const histories = await this.cycleHistories(cycleId);
    const workflows = [];
    for (const { workflowId, runId, history } of histories) {
      const rows = await readAuditRows(this.dataSource, { workflowId });
      const result = crossCheck(
        rows.filter((row) => row.runId === runId),
        decisionEvents(history, { workflowId, runId }),
      );
      const orphanRows = [...result.orphanRows, ...rows.filter((row) => row.runId !== runId)];
      workflows.push({
        workflowId,
        runId,
        rows: rows.length,
        orphanRows: orphanRows.map(({ seq, eventId }) => ({ seq, eventId })),
        mismatched: result.mismatched.map(({ row }) => ({ seq: row.seq, eventId: row.eventId })),
        missingEvents: result.missingEvents.map(({ eventId, eventType, name }) => ({ eventId, eventType, name })),
        pendingEvents: result.pendingEvents.map(({ eventId, eventType, name }) => ({ eventId, eventType, name })),
      });
    }
    const problems = workflows.filter(
      (item) => item.orphanRows.length || item.mismatched.length || item.missingEvents.length,
    );
    return {
      cycleId,
      workflows: workflows.length,
      consistent: problems.length === 0,
      problems,
      pending: workflows.reduce((total, item) => total + item.pendingEvents.length, 0),
    };
  }

  private async replayAll(histories: FetchedHistory[]): Promise<ReplayVerdict[]> {
    const bundle = await productionBundle(this.config.workflowBundlePath);
    const verdicts: ReplayVerdict[] = [];
    for await (const verdict of replayHistories(bundle, histories)) verdicts.push(verdict);
    return verdicts;
  }

  private async zoneOf(workflowId: string): Promise<string> {
    const entry = await this.dataSource.getRepository(EntryEntity).findOneBy({ workflowId });
    if (!entry) return MINISTRY_ZONE;
    const agency = await this.dataSource.getRepository(AgencyEntity).findOneBy({ code: entry.agencyCode });
    return agency?.zone ?? MINISTRY_ZONE;
  }
}
