/** Workflow ids are built from business keys, so the same cycle or entry always maps to the same workflow. */
export function cycleId(programme: string, year: number): string {
  return `cycle-${programme}-${year}`;
}

export function entryWorkflowId(cycle: string, entryId: string): string {
  return `entry-${cycle}-${entryId}`;
}
