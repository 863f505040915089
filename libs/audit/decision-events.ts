import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import type { DecisionEvent, DecisionEventType, WorkflowExecutionRef } from './types';

export type History = temporal.api.history.v1.IHistory;
export type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads;
type Failure = temporal.api.failure.v1.IFailure;
type Timestamp = { seconds?: unknown; nanos?: number | null };

/** The decisions the audit log mirrors, in the words of `DecisionEvent.eventType`. */
export const DECISION_EVENT_TYPES = [
  'started',
  'signal',
  'update-accepted',
  'update-completed',
] as const satisfies readonly DecisionEventType[];

/** Fields of a request that name the account that asked, in the order they are looked for. */
export const ACTOR_FIELDS = ['requestedBy', 'evaluatorId', 'panelistId', 'decidedBy', 'resolvedBy', 'by'] as const;

/** An event id, a Long in protobuf objects, as a number (histories stay far below 2^53 events). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' || typeof value === 'bigint') return Number(value);
  if (isLong(value)) return value.toNumber();
  return Number.NaN;
}

/**
 * A protobuf Timestamp as ISO 8601 UTC with millisecond precision. Nanoseconds are truncated, not rounded, so an
 * instant never moves into the next millisecond (or the next second) it had not reached.
 */
export function timestampIso(timestamp: Timestamp | null | undefined): string {
  const seconds = toNumber(timestamp?.seconds ?? 0);
  const millis = Math.floor((timestamp?.nanos ?? 0) / 1_000_000);
  const instant = new Date(seconds * 1000 + millis);
  if (!timestamp || Number.isNaN(instant.getTime())) throw new Error(`Not a protobuf Timestamp: ${String(timestamp)}`);
  return instant.toISOString();
}

export function eventTimeIso(event: HistoryEvent): string {
  if (!event.eventTime) throw new Error(`History event ${toNumber(event.eventId)} has no eventTime`);
  return timestampIso(event.eventTime as Timestamp);
}

export function eventIdOf(event: HistoryEvent): number {
  return toNumber(event.eventId);
}

/**
 * A decoded value made safe for JSON and for canonical hashing: plain objects and arrays, no undefined (dropped from
 * objects, null in arrays), no Long or bigint (numbers, or decimal strings beyond 2^53), bytes as base64, dates as ISO.
 */
export function toJsonSafe(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value === 'bigint') return safeInteger(Number(value), value.toString());
  if (isLong(value)) return safeInteger(value.toNumber(), value.toString());
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map((item) => toJsonSafe(item));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined && typeof item !== 'function' && typeof item !== 'symbol') out[key] = toJsonSafe(item);
    }
    return out;
  }
  return null;
}

/** The payloads of a start, signal or Update, decoded with the default converter and made JSON-safe. */
export function decodePayloads(payloads: Payloads | null | undefined): unknown[] {
  return (payloads?.payloads ?? []).map((payload) => {
    try {
      return toJsonSafe(defaultPayloadConverter.fromPayload(payload));
    } catch {
      // A payload the default converter cannot read (a codec's encryption): kept, marked, never guessed at.
      const encoding = payload.metadata?.encoding ? Buffer.from(payload.metadata.encoding).toString('utf8') : null;
      return { undecodable: encoding, data: Buffer.from(payload.data ?? new Uint8Array()).toString('base64') };
    }
  });
}

/** The account named by the request's (first) argument object, or null when it names none (the engine). */
export function actorOf(args: unknown): string | null {
  const first = Array.isArray(args) ? args[0] : args;
  if (!first || typeof first !== 'object') return null;
  for (const field of ACTOR_FIELDS) {
    const value = (first as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.length > 0) return value;
  }
  return null;
}

export interface FailureSummary {
  message: string;
  /** The application failure's type: the project's error code (`INTERVIEW.CUT_OFF_PASSED`) when a rule refused. */
  code?: string;
}

/**
 * What a person needs of a failure: the message and the error code. An activity's refusal reaches the workflow as an
 * ActivityFailure ("Activity task failed") whose cause is the application failure carrying the code, so the chain is
 * followed to the first application failure, as the API's exception filter does.
 */
export function failureSummary(failure: Failure | null | undefined): FailureSummary {
  for (let current = failure; current; current = current.cause) {
    if (current.applicationFailureInfo) {
      const type = current.applicationFailureInfo.type;
      return { message: failureMessage(current), ...(type ? { code: type } : {}) };
    }
  }
  return { message: failure ? failureMessage(failure) : 'Unknown failure' };
}

function failureMessage(failure: Failure): string {
  if (failure.encodedAttributes) {
    const [attributes] = decodePayloads({ payloads: [failure.encodedAttributes] });
    const message = (attributes as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
  }
  return failure.message ?? '';
}

/** An accepted Update as history holds it. */
export interface AcceptedUpdate {
  eventId: number;
  updateId: string;
  name: string;
  args: unknown[];
  actor: string | null;
}

/** The Update outcome of a WorkflowExecutionUpdateCompleted event. */
export type UpdateOutcome = { updateId: string; result: unknown } | { updateId: string; failure: FailureSummary };

export function acceptedUpdateOf(event: HistoryEvent): AcceptedUpdate | undefined {
  const attributes = event.workflowExecutionUpdateAcceptedEventAttributes;
  if (!attributes) return undefined;
  const request = attributes.acceptedRequest;
  const args = decodePayloads(request?.input?.args);
  return {
    eventId: eventIdOf(event),
    updateId: request?.meta?.updateId || attributes.protocolInstanceId || '',
    name: request?.input?.name ?? '',
    args,
    actor: actorOf(args),
  };
}

/**
 * Finds, for each Update completed, the Update it completes: by the accepted event's id, else by the Update id the
 * completion's meta (or the accepted event's protocol instance) carries.
 */
export class UpdateIndex {
  private readonly byEventId = new Map<number, AcceptedUpdate>();
  private readonly byUpdateId = new Map<string, AcceptedUpdate>();
  private readonly completed = new Set<string>();

  constructor(history: History) {
    for (const event of history.events ?? []) {
      const accepted = acceptedUpdateOf(event);
      if (accepted) {
        this.byEventId.set(accepted.eventId, accepted);
        this.byUpdateId.set(accepted.updateId, accepted);
      }
      const completion = event.workflowExecutionUpdateCompletedEventAttributes;
      if (completion) this.completed.add(this.acceptedFor(event)?.updateId ?? completion.meta?.updateId ?? '');
    }
  }

  /** The accepted Update a completion event completes, or undefined when the history does not hold it. */
  acceptedFor(event: HistoryEvent): AcceptedUpdate | undefined {
    const completion = event.workflowExecutionUpdateCompletedEventAttributes;
    if (!completion) return undefined;
    return (
      this.byEventId.get(toNumber(completion.acceptedEventId)) ??
      (completion.meta?.updateId ? this.byUpdateId.get(completion.meta.updateId) : undefined)
    );
  }

  isCompleted(updateId: string): boolean {
    return this.completed.has(updateId);
  }
}

export function updateOutcomeOf(event: HistoryEvent, accepted: AcceptedUpdate | undefined): UpdateOutcome {
  const attributes = event.workflowExecutionUpdateCompletedEventAttributes!;
  const updateId = accepted?.updateId ?? attributes.meta?.updateId ?? '';
  const outcome = attributes.outcome;
  if (outcome?.failure) return { updateId, failure: failureSummary(outcome.failure) };
  // An Update that returns nothing has one payload decoding to undefined, which becomes null.
  const [result = null] = decodePayloads(outcome?.success);
  return { updateId, result };
}

/**
 * The decisions of one execution, in event order: its start, each signal, each Update accepted and each Update
 * completed. The actor is who asked, as the request names them; an Update's completion keeps the actor of its request.
 */
export function decisionEvents(history: History, execution: WorkflowExecutionRef): DecisionEvent[] {
  const updates = new UpdateIndex(history);
  const decisions: DecisionEvent[] = [];
  for (const event of history.events ?? []) {
    const eventId = eventIdOf(event);
    const base = { workflowId: execution.workflowId, runId: execution.runId, eventId };
    const started = event.workflowExecutionStartedEventAttributes;
    const signaled = event.workflowExecutionSignaledEventAttributes;
    if (started) {
      const args = decodePayloads(started.input);
      decisions.push(decision(base, event, 'started', started.workflowType?.name ?? '', actorOf(args), args));
    } else if (signaled) {
      const args = decodePayloads(signaled.input);
      decisions.push(decision(base, event, 'signal', signaled.signalName ?? '', actorOf(args), args));
    } else if (event.workflowExecutionUpdateAcceptedEventAttributes) {
      const accepted = acceptedUpdateOf(event)!;
      const payload = { updateId: accepted.updateId, args: accepted.args };
      decisions.push(decision(base, event, 'update-accepted', accepted.name, accepted.actor, payload));
    } else if (event.workflowExecutionUpdateCompletedEventAttributes) {
      const accepted = updates.acceptedFor(event);
      if (!accepted) {
        throw new Error(
          `Update completed at event ${eventId} has no accepted event in this history; pass the whole history, from event 1.`,
        );
      }
      const outcome = updateOutcomeOf(event, accepted);
      decisions.push(decision(base, event, 'update-completed', accepted.name, accepted.actor, outcome));
    }
  }
  return decisions;
}

function decision(
  base: WorkflowExecutionRef & { eventId: number },
  event: HistoryEvent,
  eventType: DecisionEventType,
  name: string,
  actor: string | null,
  payload: unknown,
): DecisionEvent {
  return { ...base, eventType, name, occurredAt: eventTimeIso(event), actor, payload };
}

interface LongLike {
  low: number;
  high: number;
  toNumber(): number;
  toString(): string;
}

function isLong(value: unknown): value is LongLike {
  return (
    !!value &&
    typeof value === 'object' &&
    typeof (value as LongLike).low === 'number' &&
    typeof (value as LongLike).high === 'number' &&
    typeof (value as LongLike).toNumber === 'function'
  );
}

function safeInteger(asNumber: number, asString: string): number | string {
  return Number.isSafeInteger(asNumber) ? asNumber : asString;
}

/** An activity the history shows completed: its type, its decoded input and its decoded result. */
export interface CompletedActivity {
  type: string;
  args: unknown[];
  result: unknown;
}

/**
 * Pairs each ActivityTaskCompleted event with the activity it completes. Feed it every event in history order;
 * it answers for a completion of an activity it saw scheduled, and null for every other event.
 */
export class ActivityCompletions {
  private readonly scheduled = new Map<number, temporal.api.history.v1.IActivityTaskScheduledEventAttributes>();

  observe(event: HistoryEvent): CompletedActivity | null {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled) {
      this.scheduled.set(eventIdOf(event), scheduled);
      return null;
    }
    const done = event.activityTaskCompletedEventAttributes;
    const call = done && this.scheduled.get(toNumber(done.scheduledEventId));
    if (!call) return null;
    return {
      type: call.activityType?.name ?? '',
      args: decodePayloads(call.input),
      result: decodePayloads(done.result)[0],
    };
  }
}
