import { proxyActivities } from '@temporalio/workflow';
import type { InterviewStageActivities } from '../../activities/interview/interview-stage.activities';
import { notify } from '../notify';
import type { StageKind } from './stage-kind';

const interview = proxyActivities<InterviewStageActivities>({
  startToCloseTimeout: '10 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});

/**
 * Presentation and interview: slots and the schedule exist before the stage shows as open (each entry then finds
 * its booking); once the entries keep their appointments, agencies get invitations and panelists the schedule. At
 * the close, a slot that began with nobody recorded is a no-show, whatever the entries' own timers saw.
 */
export const interviewStage: StageKind = {
  async beforeOpen({ cycleId, stage }) {
    await interview.allocateInterviewSlots({ cycleId, stageKey: stage.key });
  },
  async afterOpen({ cycleId, stage }) {
    await notify({ kind: 'interview-invited', cycleId, stageKey: stage.key });
    await notify({ kind: 'interview-panel-schedule', cycleId, stageKey: stage.key });
  },
  async afterClose({ cycleId, stage }) {
    await interview.recordMissedInterviews({ cycleId, stageKey: stage.key });
  },
  outcomes: () => 'interview',
};
