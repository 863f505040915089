import { workflowInfo } from '@temporalio/workflow';
import { plenaryActivities as plenary } from './plenary-activities';
import type { CorrectionMove } from '../libs/domain/plenary';
import { sealAudit } from './audit-seal';
import { notify } from './notify';
import type { RecordedDecision } from './plenary.messages';

export interface CorrectionInput {
  cycleId: string;
  /** The decision corrected: the latest when the admin asked. */
  supersedes: string;
  reason: string;
  moves: CorrectionMove[];
  requestedBy: string;
}

/**
 * A correction of an announced decision: recorded as a new decision that supersedes it (never an edit), then
 * every agency whose entry changed is told. Its own workflow, so the request, who made it and the result are in a
 * Temporal history and sealed into the audit log like the plenary's votes.
 */
export async function decisionCorrectionWorkflow(input: CorrectionInput): Promise<RecordedDecision> {
  const decision = await plenary.recordCorrection({
    ...input,
    workflowId: workflowInfo().workflowId,
    decidedAt: new Date().toISOString(),
  });
  await notify({ kind: 'results-corrected', cycleId: input.cycleId, decisionNumber: decision.decisionNumber });
  await sealAudit({ cycleId: input.cycleId });
  return decision;
}
