import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { cycleId as cycleIdOf, DomainError, ErrorCode, formatInZone, type ResolvedTemplate } from '../domain';
import { CycleEntity, CycleStageEntity } from '../persistence';

export interface LaunchDeps {
  dataSource: DataSource;
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
  const [{ now }] = await deps.dataSource.query<{ now: Date }[]>('SELECT now() AS now');
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
  await insertRows(deps.dataSource, id, template, startAt);
  try {
    await deps.client.workflow.start('cycleWorkflow', {
      workflowId: id,
      taskQueue: deps.taskQueue,
      args: [{ cycleId: id, template }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      startDelay: startAt ? startAt.getTime() - now.getTime() : undefined,
    });
  } catch (error) {
    await deps.dataSource.getRepository(CycleEntity).delete({ id });
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} has already run; a programme has one cycle a year.`);
    }
    throw error;
  }
  return id;
}

async function insertRows(dataSource: DataSource, id: string, template: ResolvedTemplate, startAt?: Date) {
  await dataSource.transaction(async (tx) => {
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(CycleEntity)
      .values({
        id,
        programme: template.programme,
        year: template.year,
        templateKey: template.key,
        templateVersion: template.version,
        resolvedTemplate: template,
        status: 'scheduled',
        startsAt: startAt ?? null,
        paused: false,
      })
      .orIgnore()
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      throw new DomainError(ErrorCode.CycleExists, `Cycle ${id} already exists.`);
    }
    await tx.getRepository(CycleStageEntity).insert(
      template.stages.map((stage, position) => ({
        cycleId: id,
        key: stage.key,
        position,
        type: stage.type,
        name: stage.name,
        zone: stage.zone,
        opensAt: new Date(stage.opensAt),
        closesAt: new Date(stage.closesAt),
        status: 'pending' as const,
      })),
    );
  });
}
