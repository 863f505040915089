import type { WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import {
  confirmInterviewUpdate,
  entryStateQuery,
  moveInterviewUpdate,
  recordInterviewAttendanceUpdate,
  stageEventSignal,
  submitInterviewScoreUpdate,
  type EntryWorkflowInput,
  type InterviewBooking,
  type InterviewPlan,
  type MoveInterviewRequest,
  type StageEvent,
} from '../../workflows/entry.messages';
import type { entryWorkflow } from '../../workflows/entry.workflow';
import { WorkflowUnit } from '../support/workflow-unit';

// Seconds alone; the margin is for a machine busy with the integration suites running beside it.
jest.setTimeout(60_000);

// Workers log every state change at INFO; a workflow task that fails is logged at WARN.
Runtime.install({ logger: new DefaultLogger('WARN') });

const SUBMISSION = 'pendaftaran';
const INTERVIEW = 'wawancara';
const PANELIST = 'panelist-a';
const AGENCY = 'agency-user';
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** The appointment the fake database gives an entry when it enters the interview stage, relative to that moment. */
interface Appointment {
  startsInMs: number;
  /** The cut-off before the slot, in ms (the plan carries it as fractional hours, as the template would). */
  cutOffMs: number;
  /** The no-show grace after the slot's start, in ms (fractional minutes in the plan). */
  graceMs: number;
}

const appointments = new Map<string, Appointment>();
/** The fake database's live booking of each entry, by booking id. */
const bookings = new Map<string, InterviewBooking>();
const save = (booking: InterviewBooking) => {
  bookings.set(booking.bookingId, booking);
  return booking;
};

const unit = new WorkflowUnit('interview', {
  loadInterviewPlan: ({ entryId, stageKey }: { entryId: string; stageKey: string }): InterviewPlan => {
    const { startsInMs, cutOffMs, graceMs } = appointments.get(entryId)!;
    const startsAt = Date.now() + startsInMs;
    return {
      stageKey,
      confirmHoursBefore: cutOffMs / HOUR,
      // Not above the cut-off: no reminder to confirm.
      confirmReminderHoursBefore: cutOffMs / HOUR,
      unconfirmed: 'keep',
      remindHoursBefore: [],
      noShowGraceMinutes: graceMs / MINUTE,
      criteria: [{ key: 'kebaruan', name: 'Kebaruan', weight: 100, scale: { min: 0, max: 100 } }],
      booking: save({
        bookingId: `booking-${entryId}`,
        slotId: `slot-${entryId}-1`,
        panelKey: 'panel-1',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 20 * MINUTE).toISOString(),
        sequence: 0,
        confirmed: false,
        attendance: null,
        panelistIds: [PANELIST],
      }),
    };
  },
  confirmInterviewBooking: ({ bookingId }: { bookingId: string }) =>
    save({ ...bookings.get(bookingId)!, confirmed: true }),
  moveInterviewBooking: (request: MoveInterviewRequest & { entryId: string }) => {
    const booking = bookings.get(`booking-${request.entryId}`)!;
    const startsAt = Date.parse(request.slotStartsAt);
    return save({
      ...booking,
      slotId: request.slotId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 20 * MINUTE).toISOString(),
      sequence: booking.sequence + 1,
      confirmed: !request.byAdmin,
    });
  },
  recordInterviewAttendance: ({ bookingId, attendance }: { bookingId: string; attendance: 'present' | 'absent' }) =>
    save({ ...bookings.get(bookingId)!, attendance }),
  recordInterviewNoShow: ({ bookingId }: { bookingId: string }) => ({
    recorded: true,
    booking: save({ ...bookings.get(bookingId)!, attendance: 'no-show' }),
  }),
  settleUnconfirmedBooking: ({ sequence }: { sequence: number }) => ({ released: false, sequence }),
});

const refused = (type: string) => ({ cause: { type } });
const at = () => new Date().toISOString();

/** As the cycle's fan-out tells an entry of a stage event: signal-with-start on the entry's workflow. */
async function tell(entryId: string, event: StageEvent): Promise<WorkflowHandle<typeof entryWorkflow>> {
  const input: EntryWorkflowInput = {
    cycleId: `cycle-${entryId}`,
    entryId,
    agencyCode: 'kota-palopo',
    cluster: 'kota',
    group: 'keberlanjutan',
    programme: 'PKRI',
    year: 2024,
    joinedStage: SUBMISSION,
    joinedAt: at(),
  };
  return unit.client.workflow.signalWithStart<typeof entryWorkflow, [StageEvent]>('entryWorkflow', {
    workflowId: entryId,
    taskQueue: unit.taskQueue,
    args: [input],
    signal: stageEventSignal,
    signalArgs: [event],
  });
}

/** An entry past submission, not yet in the interview stage. */
async function submittedEntry(name: string, appointment: Appointment) {
  const entryId = unit.workflowId(name);
  appointments.set(entryId, appointment);
  const handle = await tell(entryId, { stageKey: SUBMISSION, kind: 'completed', at: at(), outcome: 'completed' });
  return { entryId, handle };
}

/** The interview stage opens for the entry; resolves with its booking once the workflow has loaded its plan. */
async function enterInterview(entryId: string, handle: WorkflowHandle): Promise<InterviewBooking> {
  await tell(entryId, { stageKey: INTERVIEW, kind: 'entered', at: at(), stageType: 'interview' });
  const state = await unit.queryUntil(handle, entryStateQuery, (s) => !!s.interview, 'the interview plan loaded');
  return state.interview!.booking!;
}

async function interviewingEntry(name: string, appointment: Appointment) {
  const { entryId, handle } = await submittedEntry(name, appointment);
  return { entryId, handle, booking: await enterInterview(entryId, handle) };
}

const move = (
  handle: WorkflowHandle,
  request: Partial<MoveInterviewRequest> & { slotId: string; slotStartsAt: string },
) => handle.executeUpdate(moveInterviewUpdate, { args: [{ requestedBy: AGENCY, byAdmin: false, ...request }] });
const confirm = (handle: WorkflowHandle) =>
  handle.executeUpdate(confirmInterviewUpdate, { args: [{ requestedBy: AGENCY }] });
const attend = (handle: WorkflowHandle, panelistId = PANELIST, attendance: 'present' | 'absent' = 'present') =>
  handle.executeUpdate(recordInterviewAttendanceUpdate, { args: [{ panelistId, attendance }] });
const inFromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('[workflow-unit] interview booking on the entry workflow with faked activities', () => {
  beforeAll(() => unit.start());
  afterAll(() => unit.stop());

  it('[workflow-unit] a confirmation before the cut-off is accepted, and a repeated one changes nothing', async () => {
    const { handle, booking } = await interviewingEntry('confirm', {
      startsInMs: HOUR,
      cutOffMs: 30 * MINUTE,
      graceMs: 10 * MINUTE,
    });
    expect(booking.confirmed).toBe(false);

    const confirmed = await confirm(handle);
    expect(confirmed).toMatchObject({ bookingId: booking.bookingId, confirmed: true, sequence: 0 });
    expect((await handle.query(entryStateQuery)).interview!.booking).toMatchObject({ confirmed: true });
    expect(await confirm(handle)).toMatchObject({ confirmed: true });
    expect(unit.callsOf(handle.workflowId, 'confirmInterviewBooking').map((call) => call.input)).toEqual([
      expect.objectContaining({ bookingId: booking.bookingId, requestedBy: AGENCY }),
    ]);
  });

  it('[workflow-unit] once the cut-off timer has fired, an unconfirmed slot can no longer be confirmed', async () => {
    const { handle, booking } = await interviewingEntry('cut-off', {
      startsInMs: 4 * SECOND,
      cutOffMs: 2 * SECOND,
      graceMs: 10 * MINUTE,
    });
    const cutOff = Date.parse(booking.startsAt) - 2 * SECOND;

    // The workflow's own cut-off step settles the unconfirmed booking as the template says (kept), at the cut-off.
    const settled = await unit.waitForCall(handle.workflowId, 'settleUnconfirmedBooking');
    expect(settled.input).toEqual({ bookingId: booking.bookingId, sequence: 0, policy: 'keep' });
    expect(settled.at).toBeGreaterThanOrEqual(cutOff);

    await expect(confirm(handle)).rejects.toMatchObject(refused('INTERVIEW.CUT_OFF_PASSED'));
    // Nor may the agency move it any more.
    await expect(move(handle, { slotId: 'slot-later', slotStartsAt: inFromNow(2 * HOUR) })).rejects.toMatchObject(
      refused('INTERVIEW.CUT_OFF_PASSED'),
    );
    expect(unit.callsOf(handle.workflowId, 'confirmInterviewBooking', 'moveInterviewBooking')).toEqual([]);
    expect((await handle.query(entryStateQuery)).interview!.booking).toMatchObject({
      slotId: booking.slotId,
      confirmed: false,
    });
  });

  it('[workflow-unit] a move is refused outside the interview stage, to the same slot, inside the cut-off, and for the secretariat without a reason or to a slot already begun', async () => {
    const { entryId, handle } = await submittedEntry('move', {
      startsInMs: HOUR,
      cutOffMs: 30 * MINUTE,
      graceMs: 10 * MINUTE,
    });
    await expect(move(handle, { slotId: 'slot-x', slotStartsAt: inFromNow(2 * HOUR) })).rejects.toMatchObject(
      refused('STAGE.NOT_OPEN'),
    );
    await expect(confirm(handle)).rejects.toMatchObject(refused('STAGE.NOT_OPEN'));

    const booking = await enterInterview(entryId, handle);
    await expect(move(handle, { slotId: booking.slotId, slotStartsAt: booking.startsAt })).rejects.toMatchObject(
      refused('REQUEST.INVALID'),
    );
    await expect(move(handle, { slotId: 'slot-x', slotStartsAt: 'next week' })).rejects.toMatchObject(
      refused('REQUEST.INVALID'),
    );
    // Twenty minutes ahead is inside the thirty-minute cut-off.
    await expect(move(handle, { slotId: 'slot-soon', slotStartsAt: inFromNow(20 * MINUTE) })).rejects.toMatchObject(
      refused('INTERVIEW.CUT_OFF_PASSED'),
    );
    await expect(
      move(handle, { slotId: 'slot-soon', slotStartsAt: inFromNow(20 * MINUTE), byAdmin: true, reason: 'ok' }),
    ).rejects.toMatchObject(refused('REQUEST.INVALID'));
    await expect(
      move(handle, {
        slotId: 'slot-begun',
        slotStartsAt: inFromNow(-MINUTE),
        byAdmin: true,
        reason: 'Panel pindah ruang',
      }),
    ).rejects.toMatchObject(refused('INTERVIEW.CUT_OFF_PASSED'));
    expect(unit.callsOf(handle.workflowId, 'moveInterviewBooking')).toEqual([]);

    // A later slot is the agency's to take; the booking's sequence rises and the agency is told.
    const moved = await move(handle, { slotId: 'slot-later', slotStartsAt: inFromNow(2 * HOUR) });
    expect(moved).toMatchObject({ bookingId: booking.bookingId, slotId: 'slot-later', sequence: 1 });
    expect((await handle.query(entryStateQuery)).interview!.booking).toMatchObject({ slotId: 'slot-later' });
    const changed = await unit.waitForCall(
      handle.workflowId,
      'notify',
      (call) => call.input.kind === 'interview-booking-changed',
    );
    expect(changed.input).toMatchObject({ bookingId: booking.bookingId, sequence: 1 });

    // The secretariat may book inside the cut-off, with a reason; the agency can then no longer move it.
    await move(handle, {
      slotId: 'slot-soon',
      slotStartsAt: inFromNow(20 * MINUTE),
      byAdmin: true,
      reason: 'Permintaan instansi lewat telepon',
    });
    await expect(move(handle, { slotId: 'slot-later-2', slotStartsAt: inFromNow(3 * HOUR) })).rejects.toMatchObject(
      refused('INTERVIEW.CUT_OFF_PASSED'),
    );
    expect(unit.callsOf(handle.workflowId, 'moveInterviewBooking').map((call) => call.input.slotId)).toEqual([
      'slot-later',
      'slot-soon',
    ]);
  });

  it('[workflow-unit] attendance is refused before the slot begins and from outside its panel, then recorded once', async () => {
    const { handle, booking } = await interviewingEntry('attendance', {
      startsInMs: 3 * SECOND,
      cutOffMs: SECOND,
      graceMs: 10 * MINUTE,
    });
    await expect(attend(handle)).rejects.toMatchObject(refused('STAGE.NOT_OPEN'));
    await expect(attend(handle, 'panelist-elsewhere')).rejects.toMatchObject(refused('INTERVIEW.NOT_ON_PANEL'));
    await expect(
      handle.executeUpdate(submitInterviewScoreUpdate, { args: [{ panelistId: PANELIST, scores: { kebaruan: 80 } }] }),
    ).rejects.toMatchObject(refused('STAGE.NOT_OPEN'));
    expect(unit.callsOf(handle.workflowId, 'recordInterviewAttendance')).toEqual([]);

    // Asked again until the session has begun by the workflow's clock; only "not begun yet" is waited out.
    const recorded = await unit.waitFor(
      'attendance to be accepted once the slot has begun',
      () =>
        attend(handle).catch((error: { cause?: { type?: string } }) => {
          if (error.cause?.type === 'STAGE.NOT_OPEN') return undefined;
          throw error;
        }),
      handle.workflowId,
    );
    expect(recorded).toMatchObject({ attendance: 'present' });
    const [call] = unit.callsOf(handle.workflowId, 'recordInterviewAttendance');
    expect(call.at).toBeGreaterThanOrEqual(Date.parse(booking.startsAt));
    expect(call.input).toMatchObject({ bookingId: booking.bookingId, panelistId: PANELIST, attendance: 'present' });

    await expect(attend(handle, PANELIST, 'absent')).rejects.toMatchObject(refused('INTERVIEW.ATTENDANCE_RECORDED'));
    await expect(move(handle, { slotId: 'slot-later', slotStartsAt: inFromNow(HOUR) })).rejects.toMatchObject(
      refused('INTERVIEW.ATTENDANCE_RECORDED'),
    );
    expect(unit.callsOf(handle.workflowId, 'recordInterviewAttendance')).toHaveLength(1);
  });

  it('[workflow-unit] with no attendance recorded, the no-show step fires after the grace period and the entry ends with the stage', async () => {
    const { entryId, handle, booking } = await interviewingEntry('no-show', {
      startsInMs: 1.5 * SECOND,
      cutOffMs: 0.5 * SECOND,
      graceMs: SECOND,
    });
    const state = await unit.queryUntil(
      handle,
      entryStateQuery,
      (s) => s.interview?.booking?.attendance === 'no-show',
      'the booking to become a no-show',
    );
    expect(state.status).toBe('active');

    const [noShow] = unit.callsOf(handle.workflowId, 'recordInterviewNoShow');
    expect(noShow.input).toEqual({ bookingId: booking.bookingId, sequence: 0, graceMinutes: SECOND / MINUTE });
    expect(noShow.at).toBeGreaterThanOrEqual(Date.parse(booking.startsAt) + SECOND);
    await unit.waitForCall(handle.workflowId, 'notify', (call) => call.input.kind === 'interview-no-show');
    await expect(attend(handle)).rejects.toMatchObject(refused('INTERVIEW.ATTENDANCE_RECORDED'));

    // The cycle closes the stage (the last here): the appointments end and so does the entry.
    await tell(entryId, { stageKey: INTERVIEW, kind: 'completed', at: at(), outcome: 'completed', final: true });
    const result = await handle.result();
    expect(result.status).toBe('completed');
    expect(unit.callsOf(handle.workflowId, 'completeEntry').map((call) => call.args)).toEqual([[entryId, 'completed']]);
    expect(unit.callsOf(handle.workflowId, 'recordInterviewNoShow')).toHaveLength(1);
  });
});
