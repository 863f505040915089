/** Rows split per (cycle, stage), in the order each stage first appears: one part of a person's work list each. */
export function byStage<Row extends { cycleId: string; stageKey: string }>(rows: Row[]): Row[][] {
  const stages = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.cycleId}\n${row.stageKey}`;
    stages.set(key, [...(stages.get(key) ?? []), row]);
  }
  return [...stages.values()];
}
