import {
  ActivityCompletions,
  decodePayloads,
  eventIdOf,
  eventTimeIso,
  type History,
  type HistoryEvent,
} from './decision-events';

export type EntryStatus = 'active' | 'completed' | 'withdrawn' | 'eliminated';

/** One stage of the entry as `entry_stage_events` holds it: an `entered` row and a `completed` row, each at most once. */
export interface EntryStageAt {
  stageKey: string;
  /** null when only the completion was recorded (an entry that joined after the stage had opened). */
  enteredAt: string | null;
  completedAt: string | null;
  outcome: string | null;
  reason: string | null;
}

/** The latest version of one evaluator's desk score sheet (`desk_scores`; every version is kept there). */
export interface DeskScoreAt {
  stageKey: string;
  evaluatorId: string;
  version: number;
  weighted: number;
  scores: Record<string, number>;
  submittedAt: string;
}

/** The latest version of one panelist's interview score sheet (`interview_scores`). */
export interface InterviewScoreAt {
  stageKey: string;
  panelistId: string;
  version: number;
  weighted?: number;
  scores: Record<string, number>;
  submittedAt?: string;
}

/** The entry's interview booking (`interview_bookings`) as the activities that changed it returned it. */
export interface InterviewBookingAt {
  bookingId: string;
  slotId: string;
  panelKey: string;
  startsAt: string;
  endsAt: string;
  sequence: number;
  confirmed: boolean;
  attendance: string | null;
  /** Released at the cut-off, unconfirmed: the entry no longer holds the slot. */
  released: boolean;
}

/** The fields of the entry's document an edit changed (`entries`); the registration's own values are not in history. */
export interface EntryDocumentChanges {
  title?: string;
  summary?: string;
  launchDate?: string;
  evidenceLinks?: string[];
  replicatesEntryId?: string | null;
  continuesEntryId?: string | null;
}

export interface EntryStateAt {
  asOfEventId: number;
  /** ISO 8601 UTC (ms) of that event. */
  asOf: string;
  /** `entries.status`. */
  status: EntryStatus;
  /** `entries.current_stage`. */
  currentStage: string;
  /** `entries.withdrawn_at`, as the withdrawal's transaction read now(). */
  withdrawnAt: string | null;
  documentChanges: EntryDocumentChanges;
  /** In the order the stages were first recorded. */
  stages: EntryStageAt[];
  /** By stage (in stage order), then evaluator id. */
  deskScores: DeskScoreAt[];
  /** By panelist id. */
  interviewScores: InterviewScoreAt[];
  interviewBooking: InterviewBookingAt | null;
}

/**
 * The entry's record in the read model (PostgreSQL) as it stood right after the given event, or after the last event
 * at or before the given instant, rebuilt from history alone: a fold over the completed activities that write it,
 * each mirroring what its code writes (activities/entry.activities.ts, desk/desk-entry.activities.ts,
 * interview/interview-entry.activities.ts). A failed or still running attempt wrote nothing (each write is one
 * transaction). A write commits shortly before its ActivityTaskCompleted event, so it counts from that event on.
 *
 * `at`: events are taken in order up to the first one that happened after the instant (an ActivityTaskStarted event
 * is written late, with its earlier start time, so times in history are not strictly increasing).
 */
export function entryStateAt(history: History, at: { eventId?: number; at?: string } = {}): EntryStateAt {
  const events = history.events ?? [];
  const first = events[0];
  const started = first?.workflowExecutionStartedEventAttributes;
  if (!started) throw new Error('The history does not begin with the workflow start; pass the whole history.');
  if (started.workflowType?.name !== 'entryWorkflow') {
    throw new Error(`Not an entry's history: the workflow type is ${started.workflowType?.name ?? 'unknown'}.`);
  }
  const upTo = cutOff(events, at);
  const input = record(decodePayloads(started.input)[0]);
  // The API inserts the row active, in the cycle's first stage, before it starts the workflow.
  const fold = new EntryFold(String(input.joinedStage ?? ''));
  const activities = new ActivityCompletions();
  for (const event of events.slice(0, upTo)) {
    const done = activities.observe(event);
    if (done) fold.apply(done.type, done.args, done.result);
  }
  const asOf = events[upTo - 1];
  return { asOfEventId: eventIdOf(asOf), asOf: eventTimeIso(asOf), ...fold.state() };
}

/** How many events, from the first, the state includes. */
function cutOff(events: HistoryEvent[], at: { eventId?: number; at?: string }): number {
  if (at.eventId !== undefined && at.at !== undefined) throw new Error('Give either eventId or at, not both.');
  const last = eventIdOf(events[events.length - 1]);
  if (at.eventId !== undefined) {
    if (!Number.isInteger(at.eventId) || at.eventId < 1) {
      throw new Error(`eventId must be a positive integer, got ${at.eventId}.`);
    }
    if (at.eventId > last) throw new Error(`Event ${at.eventId} is beyond the history, which ends at event ${last}.`);
    const index = events.findIndex((event) => eventIdOf(event) === at.eventId);
    if (index === -1) throw new Error(`Event ${at.eventId} is not in this history.`);
    return index + 1;
  }
  if (at.at !== undefined) {
    const instant = Date.parse(at.at);
    if (Number.isNaN(instant)) throw new Error(`at must be an ISO 8601 instant, got "${at.at}".`);
    const firstAt = eventTimeIso(events[0]);
    if (instant < Date.parse(firstAt)) {
      throw new Error(`${new Date(instant).toISOString()} is before the history's first event (${firstAt}).`);
    }
    const after = events.findIndex((event) => Date.parse(eventTimeIso(event)) > instant);
    return after === -1 ? events.length : after;
  }
  return events.length;
}

/** What the entry's activities write, applied in the order their attempts completed. */
class EntryFold {
  private status: EntryStatus = 'active';
  private withdrawnAt: string | null = null;
  private readonly document: EntryDocumentChanges = {};
  /** `entry_stage_events`: unique per stage and kind, so a repeated event inserts nothing. */
  private readonly stageRows = new Map<string, EntryStageAt>();
  private readonly stageRowKinds = new Set<string>();
  /** Every recorded sheet version, keyed by the Update that wrote it (a retry returns the same row). */
  private readonly deskSheets = new Map<string, DeskScoreAt>();
  private readonly interviewSheets = new Map<string, InterviewScoreAt>();
  private booking: InterviewBookingAt | null = null;

  constructor(private currentStage: string) {}

  apply(type: string, args: unknown[], result: unknown): void {
    const input = record(args[0]);
    switch (type) {
      case 'recordEntryStageEvent':
        return this.stageEvent(record(input.event));
      case 'completeEntry':
        // UPDATE entries SET status = $2 WHERE id = $1 AND status = 'active'; the status defaults to completed.
        if (this.status === 'active') this.status = args[1] === 'eliminated' ? 'eliminated' : 'completed';
        return;
      case 'withdrawEntryDocument':
        if (this.status === 'active') {
          this.status = 'withdrawn';
          this.withdrawnAt = typeof result === 'string' ? result : null;
        }
        return;
      case 'editEntryDocument':
        if (this.status === 'active') this.edit(record(input.changes));
        return;
      case 'recordDeskScore':
        return this.deskScore(input, record(result));
      case 'recordInterviewScore':
        return this.interviewScore(input, record(result));
      case 'loadInterviewPlan':
        // A read, not a write: the booking the cycle's allocation wrote, as the entry found it.
        return this.setBooking(record(result).booking);
      case 'moveInterviewBooking':
      case 'confirmInterviewBooking':
      case 'recordInterviewAttendance':
        return this.setBooking(result);
      case 'recordInterviewNoShow':
        return this.setBooking(record(result).booking);
      case 'settleUnconfirmedBooking': {
        const settled = record(result);
        if (this.booking && settled.released === true) {
          this.booking = { ...this.booking, released: true, sequence: Number(settled.sequence) };
        }
        return;
      }
      default:
        return;
    }
  }

  /**
   * INSERT … ON CONFLICT DO NOTHING on (entry, stage, kind); only an inserted `entered` row moves current_stage, and
   * whatever the entry's status. The status is not touched here: completeEntry writes `eliminated` after a fail.
   */
  private stageEvent(event: Record<string, unknown>): void {
    const stageKey = String(event.stageKey ?? '');
    const kind = event.kind === 'entered' ? 'entered' : 'completed';
    if (this.stageRowKinds.has(`${stageKey}|${kind}`)) return;
    this.stageRowKinds.add(`${stageKey}|${kind}`);
    const row = this.stageRows.get(stageKey) ?? {
      stageKey,
      enteredAt: null,
      completedAt: null,
      outcome: null,
      reason: null,
    };
    this.stageRows.set(stageKey, row);
    const occurredAt = typeof event.at === 'string' ? new Date(event.at).toISOString() : null;
    if (kind === 'entered') {
      row.enteredAt = occurredAt;
      this.currentStage = stageKey;
    } else {
      row.completedAt = occurredAt;
      row.outcome = typeof event.outcome === 'string' ? event.outcome : null;
      row.reason = typeof event.reason === 'string' ? event.reason : null;
    }
  }

  private edit(changes: Record<string, unknown>): void {
    for (const field of [
      'title',
      'summary',
      'launchDate',
      'evidenceLinks',
      'replicatesEntryId',
      'continuesEntryId',
    ] as const) {
      if (changes[field] !== undefined) Object.assign(this.document, { [field]: changes[field] });
    }
  }

  private deskScore(input: Record<string, unknown>, receipt: Record<string, unknown>): void {
    this.deskSheets.set(String(input.updateId ?? `${receipt.evaluatorId}|${receipt.version}`), {
      stageKey: String(receipt.stageKey ?? input.stageKey),
      evaluatorId: String(receipt.evaluatorId ?? input.evaluatorId),
      version: Number(receipt.version),
      weighted: Number(receipt.weighted),
      scores: scoresOf(input.scores),
      submittedAt: String(receipt.submittedAt),
    });
  }

  private interviewScore(input: Record<string, unknown>, receipt: Record<string, unknown>): void {
    this.interviewSheets.set(String(input.updateId ?? `${receipt.evaluatorId}|${receipt.version}`), {
      stageKey: String(receipt.stageKey ?? input.stageKey),
      panelistId: String(receipt.evaluatorId ?? input.panelistId),
      version: Number(receipt.version),
      ...(typeof receipt.weighted === 'number' ? { weighted: receipt.weighted } : {}),
      scores: scoresOf(input.scores),
      ...(typeof receipt.submittedAt === 'string' ? { submittedAt: receipt.submittedAt } : {}),
    });
  }

  private setBooking(value: unknown): void {
    const booking = record(value);
    if (typeof booking.bookingId !== 'string') {
      if (value === null) this.booking = null;
      return;
    }
    this.booking = {
      bookingId: booking.bookingId,
      slotId: String(booking.slotId),
      panelKey: String(booking.panelKey),
      startsAt: String(booking.startsAt),
      endsAt: String(booking.endsAt),
      sequence: Number(booking.sequence),
      confirmed: booking.confirmed === true,
      attendance: typeof booking.attendance === 'string' ? booking.attendance : null,
      released: false,
    };
  }

  state(): Omit<EntryStateAt, 'asOfEventId' | 'asOf'> {
    const stageOrder = [...this.stageRows.keys()];
    const stageIndex = (stageKey: string) => {
      const index = stageOrder.indexOf(stageKey);
      return index === -1 ? stageOrder.length : index;
    };
    return {
      status: this.status,
      currentStage: this.currentStage,
      withdrawnAt: this.withdrawnAt,
      documentChanges: structuredClone(this.document),
      stages: [...this.stageRows.values()].map((row) => ({ ...row })),
      deskScores: latest(this.deskSheets.values(), (sheet) => `${sheet.stageKey}|${sheet.evaluatorId}`).sort(
        (a, b) =>
          stageIndex(a.stageKey) - stageIndex(b.stageKey) ||
          compare(a.stageKey, b.stageKey) ||
          compare(a.evaluatorId, b.evaluatorId),
      ),
      interviewScores: latest(this.interviewSheets.values(), (sheet) => `${sheet.stageKey}|${sheet.panelistId}`).sort(
        (a, b) =>
          compare(a.panelistId, b.panelistId) ||
          stageIndex(a.stageKey) - stageIndex(b.stageKey) ||
          compare(a.stageKey, b.stageKey),
      ),
      interviewBooking: this.booking && { ...this.booking },
    };
  }
}

/** Of all versions of each sheet, the highest. */
function latest<T extends { version: number }>(sheets: Iterable<T>, keyOf: (sheet: T) => string): T[] {
  const newest = new Map<string, T>();
  for (const sheet of sheets) {
    const held = newest.get(keyOf(sheet));
    if (!held || sheet.version > held.version) newest.set(keyOf(sheet), sheet);
  }
  return [...newest.values()].map((sheet) => structuredClone(sheet));
}

function scoresOf(value: unknown): Record<string, number> {
  return Object.fromEntries(Object.entries(record(value)).map(([key, score]) => [key, Number(score)]));
}

/** Code-point order, the same on every machine (no locale). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
