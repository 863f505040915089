/** Code-unit order, not `localeCompare`: the same on every machine whatever its locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Copies sorted by id. A repeated id is a caller's mistake that would make a plan (an assignment, a schedule)
 * depend on the order of its input, so it throws, naming `what` was repeated.
 */
export function byId<T extends { id: string }>(items: T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => compareText(a.id, b.id));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new Error(`${what} ${sorted[i].id} is listed twice`);
  }
  return sorted;
}
