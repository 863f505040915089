import type { Pool } from 'pg';

/** The floor's one activity: a single-row write, as trivial as a database touch gets. */
export function floorActivities(pool: Pool) {
  return {
    async touchEntry(entryId: string): Promise<void> {
      await pool.query('UPDATE floor_entries SET steps = steps + 1 WHERE id = $1', [entryId]);
    },
  };
}

export type FloorActivities = ReturnType<typeof floorActivities>;
