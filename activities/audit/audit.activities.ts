import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import { decisionEvents } from '../../libs/audit/decision-events';
import { appendAuditRows, type AuditHead } from '../../libs/persistence/audit';
import type { Db } from '../../libs/persistence/shared';
import { tahapMetrics } from '../metrics';

export interface AuditDeps {
  db: Db;
  client: Client;
}

/** Whose audit trail a seal writes: the cycle's, or one of its entries'. */
export interface AuditSubject {
  cycleId: string;
  entryId?: string;
}

export interface SealResult {
  appended: number;
  head: AuditHead | null;
}

export type SealAuditTrail = (subject: AuditSubject) => Promise<SealResult>;

export function createAuditActivities({ db, client }: AuditDeps) {
  return {
    /**
     * Appends the calling workflow's decision events not yet in the audit log, in history order, and returns the
     * log's head: kept in this workflow's history, it anchors the chain outside the database.
     */
    async sealAuditTrail(subject: AuditSubject): Promise<SealResult> {
      const execution = Context.current().info.workflowExecution;
      if (!execution) throw new Error('sealAuditTrail runs only as a workflow’s activity: it seals that workflow.');
      const { workflowId, runId } = execution;
      const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      const events = decisionEvents(history, { workflowId, runId });
      const sealed = await appendAuditRows(
        db,
        events.map((event) => ({ ...event, cycleId: subject.cycleId, entryId: subject.entryId ?? null })),
      );
      if (sealed.appended > 0) tahapMetrics.auditSeal();
      return sealed;
    },
  };
}

export type AuditActivities = ReturnType<typeof createAuditActivities>;
