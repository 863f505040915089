import type { InterviewParams } from '../template/stage-params';

const HOUR = 3_600_000;

/**
 * The cut-off of a slot: `confirmHoursBefore` before it starts. Until then the agency confirms or moves it; after it
 * an unconfirmed booking is settled (released or kept) and only the secretariat books.
 */
export function interviewCutOff(startsAt: Date | string, params: Pick<InterviewParams, 'confirmHoursBefore'>): Date {
  return new Date(new Date(startsAt).getTime() - params.confirmHoursBefore * HOUR);
}

/** The earliest start of a slot whose cut-off has not passed at `at`: an agency may take only slots starting after it. */
export function earliestStartBeforeCutOff(at: Date, params: Pick<InterviewParams, 'confirmHoursBefore'>): Date {
  return new Date(at.getTime() + params.confirmHoursBefore * HOUR);
}
