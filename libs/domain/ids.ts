/** Workflow ids are built from business keys, so the same cycle or entry always maps to the same workflow. */
export function cycleId(programme: string, year: number): string {
  return `cycle-${programme}-${year}`;
}

export function entryWorkflowId(cycle: string, entryId: string): string {
  return `entry-${cycle}-${entryId}`;
}

export function plenaryWorkflowId(cycle: string, stageKey: string): string {
  return `plenary-${cycle}-${stageKey}`;
}

/** One workflow per correction: two admins correcting the same decision at once meet at this id. */
export function correctionWorkflowId(cycle: string, sequence: number): string {
  return `decision-correction-${cycle}-${sequence}`;
}

/** The reminders of a cycle's unsubmitted drafts: one workflow per cycle, started by its first draft. */
export function draftRemindersWorkflowId(cycle: string): string {
  return `draft-reminders-${cycle}`;
}

const CYCLE_IN_ID = /(?:^|-)(cycle-[a-z0-9]+(?:-[a-z0-9]+)*?-\d{4})(?:-|$)/;
const ENTRY_ID = /^entry-.+-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** The cycle and entry a workflow id names, as the builders above put them in (for logs and metrics). */
export function workflowSubjects(workflowId: string): { cycleId?: string; entryId?: string } {
  const cycleId = CYCLE_IN_ID.exec(workflowId)?.[1];
  const entryId = ENTRY_ID.exec(workflowId)?.[1];
  return { ...(cycleId ? { cycleId } : {}), ...(entryId ? { entryId } : {}) };
}
