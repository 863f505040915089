import type { FloorResult } from './floor/run-floor';
import type { HistorySummary } from './history-stats';

/** What `npm run bench:cycle` measured, as written to bench-results/cycle-<N>.json. */
export interface StageFigures {
  key: string;
  type: string;
  wallSeconds: number;
  cpu: Record<string, number>;
  actions: number;
  notes: string[];
  signalsPerSecond: number | null;
  noticesPerSecond: number | null;
}

export interface CycleFigures {
  entries: number;
  machine: string;
  measuredAt: string;
  stages: StageFigures[];
  wallSeconds: number;
  cpu: Record<string, number>;
  entryHistories: HistorySummary;
  cycleHistoryEvents: number;
  otherWorkflows: Record<string, number>;
  workerPeakRssMib: number | null;
  databaseMib: number;
  replay: { seconds: number; replayed: number; diverged: number };
  floor: FloorResult & { entries: number };
}
