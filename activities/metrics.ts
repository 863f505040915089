import { Context } from '@temporalio/activity';

/**
 * Tahap's own series on the worker's `/metrics` (WORKER_METRICS_ADDRESS), beside the SDK's: recorded by the activity
 * that did the thing, once (a retried write that changed nothing is not counted again), tagged with that activity's
 * namespace, task queue and type. Prometheus shows the counters with `_total` added.
 */
export const tahapMetrics = {
  /** An entry entered or completed a stage (`kind`), with the outcome of a completed one, as its history records it. */
  stageEvent(stage: string, kind: string, outcome?: string | null): void {
    count('tahap_stage_transitions', 'Stage events of entries, by stage, kind and outcome', {
      stage,
      kind,
      outcome: outcome ?? 'none',
    });
  },
  /** One try of sending a notice: `accepted`, `failed` (tried again), `refused` or `gone` (given up). */
  noticeDelivery(channel: string, outcome: string): void {
    count('tahap_notice_deliveries', 'Tries of sending a notice, by channel and outcome', { channel, outcome });
  },
  /** A workflow's audit trail sealed into the hash chain. */
  auditSeal(): void {
    count('tahap_audit_seals', 'Audit trails sealed into the hash chain');
  },
};

function count(name: string, description: string, tags: Record<string, string> = {}): void {
  Context.current().metricMeter.createCounter(name, undefined, description).add(1, tags);
}
