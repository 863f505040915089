import { proxyActivities } from '@temporalio/workflow';
import type { InterviewStageActivities } from '../activities/interview/interview-stage.activities';
import { notify } from './notify';

const interview = proxyActivities<InterviewStageActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { maximumInterval: '1 minute' },
});

/** Histories started before the interview stage had steps of its own replay without them. */
export const INTERVIEW_STEPS_PATCH = 'interview-stage-steps';

/** At the opening, before the entries hear of the stage (each then finds its booking): slots and the schedule. */
export async function allocateSlots(cycleId: string, stageKey: string): Promise<void> {
  await interview.allocateInterviewSlots({ cycleId, stageKey });
}

/** Once the entries keep their appointments: every booked agency gets its invitation, every panelist the schedule. */
export async function sendInvitations(cycleId: string, stageKey: string): Promise<void> {
  await notify({ kind: 'interview-invited', cycleId, stageKey });
  await notify({ kind: 'interview-panel-schedule', cycleId, stageKey });
}

/** At the close: a slot that began with nobody recorded is a no-show, whatever the entries' own timers saw. */
export async function recordMissedInterviews(cycleId: string, stageKey: string): Promise<void> {
  await interview.recordMissedInterviews({ cycleId, stageKey });
}
