import { DomainError, ErrorCode, interviewParams, type InterviewParams, type Zone } from '../../domain';
import { CycleEntity, CycleStageEntity } from '../entities';
import type { Db } from '../shared/db';
import { cycleOrNotFound } from '../shared/cycle-lookup';
import { advisoryLock, LockNamespace } from '../shared/locks';

export interface InterviewStage {
  cycle: CycleEntity;
  stage: CycleStageEntity;
  params: InterviewParams;
  zone: Zone;
}

/** An interview stage of a cycle with its parameters; refused when the key names another kind of stage. */
export async function interviewStage(db: Db, cycleId: string, stageKey: string): Promise<InterviewStage> {
  const cycle = await db.getRepository(CycleEntity).findOneBy({ id: cycleId });
  if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `Cycle ${cycleId} does not exist.`);
  const resolved = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === stageKey);
  const stage = await db.getRepository(CycleStageEntity).findOneBy({ cycleId, key: stageKey });
  if (!resolved || resolved.type !== 'interview' || !stage) {
    throw new DomainError(ErrorCode.StageNotFound, `Stage "${stageKey}" is not an interview stage of ${cycleId}.`);
  }
  return { cycle, stage, params: interviewParams(resolved.params), zone: resolved.zone };
}

/** The cycle's interview stage (templates have at most one); undefined when it has none. */
export function interviewStageKey(cycle: CycleEntity): string | undefined {
  return cycle.resolvedTemplate.stages.find((stage) => stage.type === 'interview')?.key;
}

/** Serialises changes to one stage's schedule (allocation, panels, unavailable days) within a transaction. */
export async function lockSchedule(tx: Db, cycleId: string, stageKey: string): Promise<void> {
  await advisoryLock(tx, LockNamespace.InterviewSchedule, `${cycleId}|${stageKey}`);
}

/** Whether the schedule has been made: its slots laid out. */
export async function scheduleMade(db: Db, cycleId: string, stageKey: string): Promise<boolean> {
  const [{ made }] = await db.query<{ made: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2) AS made`,
    [cycleId, stageKey],
  );
  return made;
}

/** Whether the opening's allocation already ran: slots laid out, or entries named as unplaced. */
export async function allocationDone(db: Db, cycleId: string, stageKey: string): Promise<boolean> {
  const [{ done }] = await db.query<{ done: boolean }[]>(
    `SELECT EXISTS (SELECT 1 FROM interview_slots WHERE cycle_id = $1 AND stage_key = $2)
         OR EXISTS (SELECT 1 FROM interview_unplaced WHERE cycle_id = $1 AND stage_key = $2) AS done`,
    [cycleId, stageKey],
  );
  return done;
}

/** The cycle's interview stage with its parameters; refused when the cycle is missing or has no interview stage. */
export async function cycleInterviewStage(db: Db, cycleId: string): Promise<InterviewStage & { stageKey: string }> {
  const cycle = await cycleOrNotFound(db, cycleId);
  const stageKey = interviewStageKey(cycle);
  if (!stageKey) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no interview stage.`);
  return { stageKey, ...(await interviewStage(db, cycleId, stageKey)) };
}
