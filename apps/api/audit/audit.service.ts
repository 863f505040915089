import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { cpus } from 'node:os';
import { PassThrough, type Readable } from 'node:stream';
import { streamArchive, type ArchivedHistory } from '../../../libs/audit/archive';
import { crossCheck } from '../../../libs/audit/audit-chain';
import { sealHeads, type SealHead } from '../../../libs/audit/seal-heads';
import type { AuditRow } from '../../../libs/audit/types';
import { decisionEvents } from '../../../libs/audit/decision-events';
import { entryStateAt } from '../../../libs/audit/entry-state-at';
import { replayHistories, type HistoryToReplay, type ReplayVerdict } from '../../../libs/audit/replay';
import { timeline } from '../../../libs/audit/timeline';
import { productionBundle } from '../../../libs/audit/workflow-bundle';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode, plenaryWorkflowId, SEARCH_ATTRIBUTES } from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure/tokens';
import {
  agencyZoneOfWorkflow,
  appendAuditRows,
  auditHashesAt,
  workflowIdOfEntry,
  entryWorkflowsOf,
  readAuditRows,
  verifyAuditLog,
} from '../../../libs/persistence/audit';
import { correctionWorkflowIds } from '../../../libs/persistence/plenary';
import type { Db } from '../../../libs/persistence/shared';
import type { FindWorkflowsQueryDto } from './audit.query.dto';
import { cycleById } from '../../../libs/persistence/cycles';

type History = temporal.api.history.v1.IHistory;

export interface FetchedHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** Closed executions can receive nothing more: every decision in them should be in the log. */
  closed: boolean;
  history: History;
}

export interface CycleReplaySummary {
  cycleId: string;
  replayed: number;
  ok: number;
  diverged: ReplayVerdict[];
  notStarted: string[];
}

export interface CycleReplayOptions {
  onVerdict?: (replayed: number) => void;
  signal?: AbortSignal;
}

/** A cycle's replay, ready to run: `total` workflows are listed (those not started yet are not replayed). */
export interface CycleReplay {
  total: number;
  run(options?: CycleReplayOptions): Promise<CycleReplaySummary>;
}

/** A cycle's workflows: the cycle's and every entry's, and entries whose workflow has not started yet. */
export interface CycleHistories {
  histories: FetchedHistory[];
  notStarted: string[];
}

const GRPC_INVALID_ARGUMENT = 3;
/** Histories fetched at once: enough to keep the frontend busy without flooding it. */
const FETCH_CONCURRENCY = 8;

const GRPC_NOT_FOUND = 5;
/** Audit rows read from the database at once while an export streams them. */
const AUDIT_ROWS_PAGE = 2000;

/** The ministry's own zone, for workflows that belong to no agency (cycles). */
const MINISTRY_ZONE = 'WIB';

/** What auditors read: Temporal histories (found by search attributes), the audit log, and replays of both. */
@Injectable()
export class AuditService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    @Inject(DB) private readonly db: Db,
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
      return {
        workflowId,
        runId: description.runId,
        workflowType: description.type,
        closed: description.status.name !== 'RUNNING',
        history,
      };
    } catch (error) {
      const code = grpcCode(error);
      if (error instanceof WorkflowNotFoundError || code === GRPC_NOT_FOUND || code === GRPC_INVALID_ARGUMENT) {
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
    const workflowId = await workflowIdOfEntry(this.db, entryId);
    if (!workflowId) throw new DomainError(ErrorCode.EntryNotFound, 'No such entry.');
    const fetched = await this.history(workflowId);
    try {
      return { entryId, workflowId, runId: fetched.runId, ...entryStateAt(fetched.history, at) };
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

  /**
   * A replay of every history of the cycle, checked before anything runs (an unknown cycle is refused at once).
   * `run` replays each history while the next are fetched (the fetch waits on Temporal, the replay on a core),
   * tells `onVerdict` how many are done as each is known, and stops fetching once `signal` aborts.
   */
  async cycleReplay(cycleId: string): Promise<CycleReplay> {
    const { workflowIds, firstEntry } = await this.cycleWorkflowIds(cycleId);
    const run = async ({ onVerdict, signal }: CycleReplayOptions = {}) => {
      const notStarted: string[] = [];
      const fetched = this.fetchedAhead(workflowIds, cycleId);
      const started = async function* () {
        let index = 0;
        for await (const history of fetched) {
          if (signal?.aborted) return;
          if (history) yield history;
          else if (index >= firstEntry) notStarted.push(workflowIds[index]);
          index += 1;
        }
      };
      const verdicts = await this.replayAll(started(), onVerdict);
      const diverged = verdicts.filter((verdict) => !verdict.ok);
      return { cycleId, replayed: verdicts.length, ok: verdicts.length - diverged.length, diverged, notStarted };
    };
    return { total: workflowIds.length, run };
  }

  /**
   * The cycle's workflow and every entry's, as the database lists them (visibility may lag; the database does not).
   * An entry registered while its workflow start failed has none until the next fan-out starts it: listed apart.
   */
  async cycleHistories(cycleId: string): Promise<CycleHistories> {
    const { workflowIds, firstEntry } = await this.cycleWorkflowIds(cycleId);
    const found: (FetchedHistory | null)[] = new Array(workflowIds.length).fill(null);
    let next = 0;
    const fetcher = async () => {
      while (next < workflowIds.length) {
        const index = next++;
        found[index] = await this.historyOfCycle(workflowIds[index], cycleId);
      }
    };
    await Promise.all(Array.from({ length: FETCH_CONCURRENCY }, fetcher));
    return {
      histories: found.filter((item): item is FetchedHistory => item !== null),
      notStarted: workflowIds.filter((_, index) => index >= firstEntry && found[index] === null),
    };
  }

  /** The cycle's workflow first, then its decision workflows, then its entries' (from `firstEntry` on). */
  private async cycleWorkflowIds(cycleId: string): Promise<{ workflowIds: string[]; firstEntry: number }> {
    const cycle = await cycleById(this.db, cycleId);
    if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle ${cycleId}.`);
    const entries = await entryWorkflowsOf(this.db, cycleId);
    // The plenary and the corrections of its decision are the cycle's too; a plenary not reached yet has none.
    const plenaries = cycle.resolvedTemplate.stages
      .filter((stage) => stage.type === 'plenary')
      .map((stage) => plenaryWorkflowId(cycle.id, stage.key));
    const decisionWorkflows = [...plenaries, ...(await correctionWorkflowIds(this.db, cycleId))];
    return {
      workflowIds: [cycle.id, ...decisionWorkflows, ...entries.map((entry) => entry.workflowId)],
      firstEntry: 1 + decisionWorkflows.length,
    };
  }

  /** The history, or null for a workflow of the cycle not started (yet); the cycle's own must exist. */
  private historyOfCycle(workflowId: string, cycleId: string): Promise<FetchedHistory | null> {
    return this.history(workflowId).catch((error: unknown) => {
      if (error instanceof DomainError && error.code === ErrorCode.WorkflowNotFound && workflowId !== cycleId) {
        return null;
      }
      throw error;
    });
  }

  /**
   * The archive of a cycle's histories and audit rows (see libs/audit/archive.ts for the format), streamed as the
   * histories are fetched: a few at a time, whatever the size of the cycle. An unknown cycle fails here, before
   * anything is sent; a failure later destroys the stream, and what was sent reads as an incomplete archive.
   */
  async exportCycle(cycleId: string): Promise<Readable> {
    const { workflowIds } = await this.cycleWorkflowIds(cycleId);
    const archive = new PassThrough();
    streamArchive(archive, {
      cycleId,
      exportedAt: new Date().toISOString(),
      auditRows: this.auditRowsOfCycle(cycleId),
      histories: this.historiesInArchiveOrder(workflowIds, cycleId),
    }).catch(() => undefined); // streamArchive destroys `archive` with the error, and the response reports it
    return archive;
  }

  private async *auditRowsOfCycle(cycleId: string): AsyncGenerator<AuditRow> {
    let afterSeq = 0;
    for (;;) {
      const page = await readAuditRows(this.db, { cycleId, afterSeq, limit: AUDIT_ROWS_PAGE });
      yield* page;
      if (page.length < AUDIT_ROWS_PAGE) return;
      afterSeq = page[page.length - 1].seq;
    }
  }

  /** In the archive's order (byte order of ids). */
  private async *historiesInArchiveOrder(workflowIds: string[], cycleId: string): AsyncGenerator<ArchivedHistory> {
    const ordered = [...workflowIds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for await (const fetched of this.fetchedAhead(ordered, cycleId)) {
      if (!fetched) continue;
      const { workflowId, runId, workflowType, history } = fetched;
      yield { workflowId, runId, workflowType, json: historyToJSON(history) };
    }
  }

  /**
   * The histories of `workflowIds` in that order (null for a workflow of the cycle not started yet), fetched
   * FETCH_CONCURRENCY ahead of the one taken: memory stays bounded whatever the size of the cycle.
   */
  private async *fetchedAhead(workflowIds: string[], cycleId: string): AsyncGenerator<FetchedHistory | null> {
    const ahead: Promise<FetchedHistory | null>[] = [];
    let next = 0;
    const fetchNext = () => {
      if (next >= workflowIds.length) return;
      const fetching = this.historyOfCycle(workflowIds[next++], cycleId);
      // Awaited in turn below; until then (or when the export stops first) a failure must not count as unhandled.
      fetching.catch(() => undefined);
      ahead.push(fetching);
    };
    for (let started = 0; started < FETCH_CONCURRENCY; started++) fetchNext();
    while (ahead.length) {
      const fetched = await ahead.shift()!;
      fetchNext();
      yield fetched;
    }
  }

  auditLog(filter: { cycleId?: string; afterSeq?: number; limit?: number }) {
    return readAuditRows(this.db, { ...filter, limit: filter.limit ?? 500 });
  }

  verifyLog() {
    return verifyAuditLog(this.db);
  }

  /**
   * For each workflow of the cycle: audit rows without their history event (or differing from it), decision events
   * without their row (a gap; in a closed workflow every decision should be there), decisions still to be sealed,
   * and every head a seal recorded in a history that the log no longer holds as it was (rows cut or rewritten).
   */
  async crossCheck(cycleId: string) {
    const { histories, notStarted } = await this.cycleHistories(cycleId);
    const rowsByRun = new Map<string, AuditRow[]>();
    for (const row of await readAuditRows(this.db, { cycleId })) {
      const key = `${row.workflowId} ${row.runId}`;
      rowsByRun.set(key, [...(rowsByRun.get(key) ?? []), row]);
    }
    const workflows = [];
    const heads: SealHead[] = [];
    const check = (fetched: FetchedHistory) => {
      const key = `${fetched.workflowId} ${fetched.runId}`;
      const rows = rowsByRun.get(key) ?? [];
      rowsByRun.delete(key);
      heads.push(...sealHeads(fetched.history));
      const result = crossCheck(rows, decisionEvents(fetched.history, fetched));
      const missing = fetched.closed ? [...result.missingEvents, ...result.pendingEvents] : result.missingEvents;
      return {
        workflowId: fetched.workflowId,
        runId: fetched.runId,
        closed: fetched.closed,
        rows: rows.length,
        orphanRows: result.orphanRows.map(({ seq, eventId }) => ({ seq, eventId })),
        mismatched: result.mismatched.map(({ row }) => ({ seq: row.seq, eventId: row.eventId })),
        missingEvents: missing.map(({ eventId, eventType, name }) => ({ eventId, eventType, name })),
        pendingEvents: (fetched.closed ? [] : result.pendingEvents).map(({ eventId, eventType, name }) => ({
          eventId,
          eventType,
          name,
        })),
      };
    };
    for (const fetched of histories) workflows.push(check(fetched));
    // Rows of an earlier run (a reset workflow) are checked against that run; rows naming no run of the cycle are orphans.
    for (const [key, rows] of [...rowsByRun]) {
      const [workflowId, runId] = key.split(' ');
      const earlier = await this.history(workflowId, runId).catch(() => null);
      if (earlier) workflows.push(check(earlier));
      else {
        workflows.push({
          workflowId,
          runId,
          closed: true,
          rows: rows.length,
          orphanRows: rows.map(({ seq, eventId }) => ({ seq, eventId })),
          mismatched: [],
          missingEvents: [],
          pendingEvents: [],
        });
      }
    }
    const headsLost = await this.headsLost(heads);
    const problems = workflows.filter(
      (item) => item.orphanRows.length || item.mismatched.length || item.missingEvents.length,
    );
    return {
      cycleId,
      workflows: workflows.length,
      consistent: problems.length === 0 && headsLost.length === 0,
      problems,
      headsLost,
      pending: workflows.reduce((total, item) => total + item.pendingEvents.length, 0),
      notStarted,
    };
  }

  /**
   * Seals the decisions of every workflow of the cycle not yet in the log: for cycles that ran before workflows
   * sealed themselves, and for decisions after a workflow's last seal. Appends only; never changes a row.
   */
  async sealCycle(cycleId: string) {
    const { histories, notStarted } = await this.cycleHistories(cycleId);
    const entryIds = new Map((await entryWorkflowsOf(this.db, cycleId)).map((entry) => [entry.workflowId, entry.id]));
    let appended = 0;
    for (const fetched of histories) {
      const entryId = entryIds.get(fetched.workflowId) ?? null;
      const events = decisionEvents(fetched.history, fetched).map((event) => ({ ...event, cycleId, entryId }));
      appended += (await appendAuditRows(this.db, events)).appended;
    }
    return { cycleId, workflows: histories.length, appended, notStarted };
  }

  /** Heads recorded by seals that the log no longer holds with the same hash. */
  private async headsLost(heads: SealHead[]) {
    if (heads.length === 0) return [];
    const held = await auditHashesAt(this.db, [...new Set(heads.map((head) => head.seq))]);
    return heads
      .filter((head) => held.get(head.seq) !== head.hash)
      .map((head) => ({
        seq: head.seq,
        reason: held.has(head.seq)
          ? `row ${head.seq} no longer has the hash a seal recorded (history event ${head.eventId})`
          : `row ${head.seq}, recorded by a seal (history event ${head.eventId}), is no longer in the log`,
      }));
  }

  private async replayAll(
    histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
    onVerdict?: (done: number) => void,
  ): Promise<ReplayVerdict[]> {
    const bundle = await productionBundle(this.config.workflowBundlePath);
    const verdicts: ReplayVerdict[] = [];
    // Replay is CPU-bound: a replay worker per core verifies a national cycle in a fraction of the time.
    for await (const verdict of replayHistories(bundle, histories, cpus().length)) {
      verdicts.push(verdict);
      onVerdict?.(verdicts.length);
    }
    return verdicts;
  }

  private async zoneOf(workflowId: string): Promise<string> {
    return (await agencyZoneOfWorkflow(this.db, workflowId)) ?? MINISTRY_ZONE;
  }
}

function grpcCode(error: unknown): number | undefined {
  const { code, cause } = error as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === 'number') return code;
  return typeof cause?.code === 'number' ? cause.code : undefined;
}
