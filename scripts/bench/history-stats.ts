import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** What one workflow's history holds, as the floor must match it and the goals count it. */
export interface HistoryCounts {
  workflowId: string;
  workflowType: string;
  /** RUNNING, COMPLETED, … as visibility lists it. */
  status: string;
  events: number;
  workflowTasks: number;
  signals: number;
  updates: number;
  activities: number;
  /** When each signal arrived (ms since the epoch), for the fan-out's rate. */
  signalTimes: number[];
}

const millisOf = (event: HistoryEvent) => {
  const time = event.eventTime;
  return time ? Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6) : 0;
};

export function countHistory(
  workflowId: string,
  workflowType: string,
  status: string,
  events: HistoryEvent[],
): HistoryCounts {
  const signalTimes = events.filter((event) => event.workflowExecutionSignaledEventAttributes).map(millisOf);
  return {
    workflowId,
    workflowType,
    status,
    events: events.length,
    workflowTasks: events.filter((event) => event.workflowTaskCompletedEventAttributes).length,
    signals: signalTimes.length,
    updates: events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes).length,
    activities: events.filter((event) => event.activityTaskScheduledEventAttributes).length,
    signalTimes,
  };
}

/** The counts of every workflow a visibility query lists (all without one), `lanes` histories fetched at once. */
export async function historiesOf(client: Client, query?: string, lanes = 8): Promise<HistoryCounts[]> {
  const executions: { workflowId: string; runId: string; type: string; status: string }[] = [];
  for await (const execution of client.workflow.list(query ? { query } : {})) {
    executions.push({
      workflowId: execution.workflowId,
      runId: execution.runId,
      type: execution.type,
      status: execution.status.name,
    });
  }
  const counts: HistoryCounts[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (next < executions.length) {
        const { workflowId, runId, type, status } = executions[next++];
        const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
        counts.push(countHistory(workflowId, type, status, history.events ?? []));
      }
    }),
  );
  return counts;
}

export interface HistorySummary {
  workflows: number;
  meanEvents: number;
  longestEvents: number;
  meanWorkflowTasks: number;
  longestWorkflowTasks: number;
  meanSignals: number;
  meanUpdates: number;
  meanActivities: number;
}

export function summarise(counts: HistoryCounts[]): HistorySummary {
  const mean = (pick: (count: HistoryCounts) => number) =>
    counts.length ? counts.reduce((sum, count) => sum + pick(count), 0) / counts.length : 0;
  const longest = (pick: (count: HistoryCounts) => number) =>
    counts.reduce((max, count) => Math.max(max, pick(count)), 0);
  return {
    workflows: counts.length,
    meanEvents: mean((count) => count.events),
    longestEvents: longest((count) => count.events),
    meanWorkflowTasks: mean((count) => count.workflowTasks),
    longestWorkflowTasks: longest((count) => count.workflowTasks),
    meanSignals: mean((count) => count.signals),
    meanUpdates: mean((count) => count.updates),
    meanActivities: mean((count) => count.activities),
  };
}
