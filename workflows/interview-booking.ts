import { condition, currentUpdateInfo, proxyActivities, setHandler } from '@temporalio/workflow';
import type { InterviewEntryActivities } from '../activities/interview/interview-entry.activities';
import { checkInterviewScore } from '../libs/domain/interview/interview-score';
import { ErrorCode } from '../libs/domain/error-codes';
import {
  confirmInterviewUpdate,
  moveInterviewUpdate,
  recordInterviewAttendanceUpdate,
  submitInterviewScoreUpdate,
  type EntryState,
  type InterviewBooking,
  type InterviewPlan,
  type StageEvent,
} from './entry.messages';
import { notify } from './notify';
import { reject } from './rejection';

/** Timer-driven steps keep trying until the database answers. */
const interview = proxyActivities<InterviewEntryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
/** A person waits on an Update: after a few attempts it fails and they are told, rather than kept waiting. */
const forUpdates = proxyActivities<InterviewEntryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumAttempts: 4 },
});

const HOUR = 3_600_000;

/**
 * The entry's interview: the agency confirms or moves its slot, panelists record attendance and scores (Updates,
 * validated from the workflow's own state and re-checked by the database), and timers keep the appointment:
 * a reminder to confirm, the cut-off (an unconfirmed slot released or kept, as the template says), reminders
 * before the slot, and a no-show recorded when nobody attended within the grace period. Every change of the
 * booking passes through here, so the timers always follow the current slot.
 */
export function installInterview(state: EntryState) {
  let stageOver = false;
  let appointments: Promise<void> | undefined;
  const plan = () => state.interview;
  const booking = () => state.interview?.booking ?? null;
  const open = () =>
    state.status === 'active' &&
    !!plan() &&
    state.history.some((record) => record.stageKey === plan()!.stageKey && record.completedAt === undefined);
  const beforeCutOff = (startsAt: string) => Date.now() < Date.parse(startsAt) - plan()!.confirmHoursBefore * HOUR;
  const settle = (next: InterviewBooking | null) => {
    state.interview!.booking = next;
    return next;
  };
  /** Whether a step begun for this version of the booking still speaks for the current one. */
  const stillCurrent = (version: InterviewBooking) =>
    booking()?.bookingId === version.bookingId && booking()?.sequence === version.sequence;
  // Changes to the booking run one at a time, so a result never overwrites a newer one (a double-clicked move,
  // a confirmation racing the cut-off).
  let busy = false;
  const exclusively = async <T>(change: () => Promise<T>): Promise<T> => {
    await condition(() => !busy);
    busy = true;
    try {
      return await change();
    } finally {
      busy = false;
    }
  };

  setHandler(
    moveInterviewUpdate,
    (request) =>
      exclusively(async () => {
        const before = booking();
        const moved = await forUpdates.moveInterviewBooking({
          entryId: state.entryId,
          stageKey: plan()!.stageKey,
          ...request,
          updateId: currentUpdateInfo()!.id,
        });
        settle(moved);
        if (before?.bookingId !== moved.bookingId || before.sequence !== moved.sequence) {
          await notify({
            kind: 'interview-booking-changed',
            cycleId: state.cycleId,
            bookingId: moved.bookingId,
            sequence: moved.sequence,
          });
        }
        return moved;
      }),
    {
      validator: ({ slotId, slotStartsAt, byAdmin, reason }) => {
        if (!open()) reject(ErrorCode.StageNotOpen, 'Interviews are not open for this entry.');
        const current = booking();
        if (typeof slotId !== 'string' || Number.isNaN(Date.parse(slotStartsAt))) {
          reject(ErrorCode.ValidationFailed, 'slotId must name a free slot.');
        }
        if (current?.slotId === slotId) reject(ErrorCode.ValidationFailed, 'This is already the entry’s slot.');
        if (current?.attendance) reject(ErrorCode.AttendanceRecorded, 'The interview has already taken place.');
        if (byAdmin) {
          if (typeof reason !== 'string' || reason.trim().length < 5) {
            reject(ErrorCode.ValidationFailed, 'reason must say, in at least 5 characters, why the secretariat books.');
          }
          if (Date.parse(slotStartsAt) <= Date.now()) reject(ErrorCode.CutOffPassed, 'That slot has already begun.');
          return;
        }
        const hours = plan()!.confirmHoursBefore;
        if (current && !beforeCutOff(current.startsAt)) {
          reject(ErrorCode.CutOffPassed, `The slot can no longer be moved: the cut-off is ${hours} hours before it.`);
        }
        if (!beforeCutOff(slotStartsAt)) {
          reject(ErrorCode.CutOffPassed, `That slot starts within ${hours} hours; choose a later free slot.`);
        }
      },
    },
  );

  setHandler(
    confirmInterviewUpdate,
    ({ requestedBy }) =>
      exclusively(async () => {
        const current = booking();
        if (current?.confirmed) return current;
        if (!current) reject(ErrorCode.CutOffPassed, 'The slot was released before the confirmation arrived.');
        return settle(
          await forUpdates.confirmInterviewBooking({
            bookingId: current.bookingId,
            requestedBy,
            updateId: currentUpdateInfo()!.id,
          }),
        )!;
      }),
    {
      validator: (_request) => {
        if (!open()) reject(ErrorCode.StageNotOpen, 'Interviews are not open for this entry.');
        const current = booking();
        if (!current) reject(ErrorCode.NotBooked, 'The entry has no interview slot to confirm.');
        if (!current.confirmed && !beforeCutOff(current.startsAt)) {
          reject(
            ErrorCode.CutOffPassed,
            `The confirmation cut-off (${plan()!.confirmHoursBefore} hours before) has passed.`,
          );
        }
      },
    },
  );

  const onPanel = (panelistId: string) => {
    const current = booking();
    if (!open() || !current) reject(ErrorCode.NotBooked, 'This entry has no interview to record.');
    if (!current.panelistIds.includes(panelistId)) {
      reject(ErrorCode.NotOnPanel, 'You do not sit on the panel of this interview.');
    }
    return current;
  };
  setHandler(
    recordInterviewAttendanceUpdate,
    ({ panelistId, attendance }) =>
      exclusively(async () =>
        settle(
          await forUpdates.recordInterviewAttendance({
            bookingId: booking()!.bookingId,
            panelistId,
            attendance,
            updateId: currentUpdateInfo()!.id,
          }),
        ),
      ) as Promise<InterviewBooking>,
    {
      validator: ({ panelistId, attendance }) => {
        const current = onPanel(panelistId);
        if (attendance !== 'present' && attendance !== 'absent') {
          reject(ErrorCode.ValidationFailed, 'attendance must be present or absent.');
        }
        if (Date.now() < Date.parse(current.startsAt)) {
          reject(ErrorCode.StageNotOpen, 'Attendance is recorded once the session has begun.');
        }
        if (current.attendance) {
          reject(ErrorCode.AttendanceRecorded, `Attendance is already recorded: ${current.attendance}.`);
        }
      },
    },
  );
  setHandler(
    submitInterviewScoreUpdate,
    ({ panelistId, scores, comment }) =>
      forUpdates.recordInterviewScore({
        entryId: state.entryId,
        stageKey: plan()!.stageKey,
        panelistId,
        scores,
        comment,
        updateId: currentUpdateInfo()!.id,
      }),
    {
      validator: ({ panelistId, scores, comment }) => {
        const current = onPanel(panelistId);
        if (current.attendance !== 'present') {
          reject(ErrorCode.StageNotOpen, 'Scores are recorded for an interview the agency attended.');
        }
        const issues = checkInterviewScore(plan()!.criteria, scores, comment);
        if (issues.length > 0) {
          reject(ErrorCode.ScoreInvalid, issues.map((issue) => `${issue.path} ${issue.message}`).join('; '));
        }
      },
    },
  );

  /** The appointment's next step for the current booking, or undefined when none is left. */
  const nextStep = (done: Set<string>, madeAt: number) => {
    const current = booking();
    const p = plan()!;
    if (!current) return undefined;
    const start = Date.parse(current.startsAt);
    const steps: { key: string; at: number; run: () => Promise<void> }[] = [];
    const key = (name: string) => `${current.bookingId}#${current.sequence}#${name}`;
    // A step whose moment had passed when this version of the booking was made is not owed (no reminder in the
    // past); the no-show check always is.
    const owed = (at: number) => at >= madeAt;
    const remindToConfirm = start - p.confirmReminderHoursBefore * HOUR;
    if (!current.confirmed && owed(remindToConfirm) && p.confirmReminderHoursBefore > p.confirmHoursBefore) {
      steps.push({
        key: key('confirm-reminder'),
        at: remindToConfirm,
        run: () =>
          notify({
            kind: 'interview-confirm-reminder',
            cycleId: state.cycleId,
            bookingId: current.bookingId,
            sequence: current.sequence,
          }).then(() => undefined),
      });
    }
    const cutOff = start - p.confirmHoursBefore * HOUR;
    if (!current.confirmed && owed(cutOff)) {
      steps.push({
        key: key('cut-off'),
        at: cutOff,
        run: () =>
          exclusively(async () => {
            if (!stillCurrent(current)) return;
            const settled = await interview.settleUnconfirmedBooking({
              bookingId: current.bookingId,
              sequence: current.sequence,
              policy: p.unconfirmed,
            });
            if (!settled.released) return;
            if (stillCurrent(current)) settle(null);
            await notify({
              kind: 'interview-booking-changed',
              cycleId: state.cycleId,
              bookingId: current.bookingId,
              sequence: settled.sequence,
            });
          }),
      });
    }
    for (const hours of p.remindHoursBefore) {
      const at = start - hours * HOUR;
      if (!owed(at)) continue;
      steps.push({
        key: key(`remind-${hours}`),
        at,
        run: () =>
          notify({
            kind: 'interview-reminder',
            cycleId: state.cycleId,
            bookingId: current.bookingId,
            sequence: current.sequence,
            hoursBefore: hours,
          }).then(() => undefined),
      });
    }
    if (!current.attendance) {
      steps.push({
        key: key('no-show'),
        at: start + p.noShowGraceMinutes * 60_000,
        run: () =>
          exclusively(async () => {
            if (!stillCurrent(current)) return;
            const { recorded, booking: after } = await interview.recordInterviewNoShow({
              bookingId: current.bookingId,
              sequence: current.sequence,
              graceMinutes: p.noShowGraceMinutes,
            });
            if (stillCurrent(current)) settle(after);
            if (recorded) {
              await notify({ kind: 'interview-no-show', cycleId: state.cycleId, bookingId: current.bookingId });
            }
          }),
      });
    }
    return steps.filter((step) => !done.has(step.key)).sort((a, b) => a.at - b.at)[0];
  };

  /** Waits for each step of the current booking in turn; a change of booking (a move, a release) starts over. */
  async function keepAppointments(): Promise<void> {
    const done = new Set<string>();
    let madeAt = Date.now();
    let version = bookingVersion();
    while (!stageOver) {
      if (bookingVersion() !== version) {
        version = bookingVersion();
        madeAt = Date.now();
      }
      const step = nextStep(done, madeAt);
      const changed = () => stageOver || bookingVersion() !== version;
      if (!step) {
        await condition(changed);
        continue;
      }
      const wait = step.at - Date.now();
      if (wait > 0 && (await condition(changed, wait))) continue;
      done.add(step.key);
      await step.run();
    }
  }
  const bookingVersion = () => {
    const current = booking();
    return current ? `${current.bookingId}#${current.sequence}#${current.confirmed}#${current.attendance}` : 'none';
  };

  return {
    /** Called after an `entered` event is recorded: an interview stage loads the entry's booking and keeps it. */
    async entered(event: StageEvent): Promise<void> {
      if (event.stageType !== 'interview') return;
      const loaded: InterviewPlan = await interview.loadInterviewPlan({
        entryId: state.entryId,
        stageKey: event.stageKey,
      });
      state.interview = loaded;
      appointments = keepAppointments();
    },
    /** Called when a stage completes: the appointments of the interview stage end with it. */
    async completed(event: StageEvent): Promise<void> {
      if (!appointments || event.stageKey !== plan()?.stageKey) return;
      stageOver = true;
      await appointments;
    },
  };
}
