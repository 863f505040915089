/** Which execution a history belongs to: a history file does not name its own workflow id. */
export interface WorkflowExecutionRef {
  workflowId: string;
  runId: string;
}

/**
 * A decision as Temporal history holds it: the workflow's start (its input), a signal, an Update accepted (the
 * request) and an Update completed (what it did, or why it failed). These are the events the audit log mirrors;
 * timers, activities and markers are the engine's mechanics, not decisions.
 */
export type DecisionEventType = 'started' | 'signal' | 'update-accepted' | 'update-completed';

export interface DecisionEvent extends WorkflowExecutionRef {
  eventId: number;
  eventType: DecisionEventType;
  /** The workflow type for `started`, else the signal's or Update's name. */
  name: string;
  /** ISO 8601 UTC, millisecond precision (history keeps nanoseconds; the log keeps milliseconds). */
  occurredAt: string;
  /** The account that asked (requestedBy, evaluatorId, panelistId, …) when the request names one; null for the engine. */
  actor: string | null;
  /** Decoded, JSON-safe: the arguments (start, signal, Update accepted) or the outcome (Update completed). */
  payload: unknown;
}

/** One row of the hash-chained audit log. */
export interface AuditRow extends DecisionEvent {
  /** 1, 2, 3, … without gaps, in the order rows were written. */
  seq: number;
  cycleId: string | null;
  entryId: string | null;
  /** ISO 8601 UTC, millisecond precision: when the row was written. */
  recordedAt: string;
  /** The previous row's hash; 64 zeros for the first row. */
  prevHash: string;
  /** SHA-256 (hex) of the row's canonical JSON (RFC 8785), prevHash included, hash excluded. */
  hash: string;
}
