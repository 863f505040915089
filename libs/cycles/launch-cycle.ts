import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { cycleId as cycleIdOf, DomainError, ErrorCode, formatInZone, type ResolvedTemplate } from '../domain';
import { deleteCycle, insertScheduledCycle } from '../persistence/cycles';
import { inTransaction, type Db, databaseNow } from '../persistence/shared';

export interface LaunchDeps {
  db: Db;
  client: Client;
  taskQueue: string;
}

/**
 * Creates a cycle from a resolved template version and starts its workflow, now or at `startAt` (a delayed start
 * that Temporal holds). Used by admins through the API and by the yearly repetition. The rows are written first;
 * if the workflow cannot be started they are removed again, so nothing half-made stays.
 */
export async function launchCycle(deps: LaunchDeps, template: ResolvedTemplate, startAt?: Date): Promise<string> {
  const submission = template.stages[0];
  const now = await databaseNow(deps.db);
  const closesAt = new Date(submission.closesAt);
  if (closesAt <= now) {
    throw new DomainError(
      ErrorCode.CycleCalendarPast,
      `Template ${template.key} v${template.version}: its ${submission.key} stage closed at ${formatInZone(closesAt, submission.zone)}; create a new template version with a current calendar.`,
    );
  }
  if (startAt && (startAt <= now || startAt >= closesAt)) {
    throw new DomainError(
      ErrorCode.CycleStartInvalid,
      `startAt must be in the future and before ${submission.key} closes at ${formatInZone(closesAt, submission.zone)}.`,
      [{ path: 'startAt', message: 'must be between now and the first stage’s close' }],
    );
  }
  const id = cycleIdOf(template.programme, template.year);
  const inserted = await inTransaction(deps.db, (tx) => insertScheduledCycle(tx, id, template, startAt ?? null));
  if (!inserted) throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} already exists.`);
  try {
    await deps.client.workflow.start('cycleWorkflow', {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [{ cycleId: id, template }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startDelay: startAt ? startAt.getTime() - now.getTime() : undefined,
    });
  } catch (error) {
    await deleteCycle(deps.db, id);
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} has already run; a programme has one cycle a year.`);
    }
    throw error;
  }
  return id;
}
