import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EntryActivities } from '../activities/entry.activities';
import {
  entryStateQuery,
  stageEventSignal,
  type EntryState,
  type EntryWorkflowInput,
  type StageEvent,
} from './entry.messages';
import { upsertAttributes } from './search-attributes';

const { recordEntryStageEvent, completeEntry } = proxyActivities<EntryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/** One innovation's path through the cycle: it follows the stage events the cycle sends and records each once. */
export async function entryWorkflow(input: EntryWorkflowInput): Promise<EntryState> {
  const state: EntryState = {
    entryId: input.entryId,
    cycleId: input.cycleId,
    status: 'active',
    currentStage: input.joinedStage,
    history: [],
  };
  const inbox: StageEvent[] = [{ stageKey: input.joinedStage, kind: 'entered', at: input.joinedAt }];
  let finished = false;

  // The fan-out may deliver an event twice (a retried batch); an event already seen is dropped here.
  const seen = (event: StageEvent) =>
    [...inbox, ...state.history.flatMap(historyEvents)].some(
      (known) => known.stageKey === event.stageKey && known.kind === event.kind,
    );
  setHandler(stageEventSignal, (event) => {
    if (!seen(event)) inbox.push(event);
  });
  setHandler(entryStateQuery, () => state);

  upsertAttributes({
    CycleId: input.cycleId,
    Programme: input.programme,
    Year: input.year,
    Cluster: input.cluster,
    Group: input.group,
    AgencyCode: input.agencyCode,
    Stage: state.currentStage,
    EntryStatus: state.status,
  });

  while (!finished) {
    await condition(() => inbox.length > 0);
    const event = inbox.shift()!;
    await recordEntryStageEvent({ entryId: input.entryId, event });
    apply(state, event);
    upsertAttributes({ Stage: state.currentStage });
    finished = event.kind === 'completed' && event.final === true;
  }
  await completeEntry(input.entryId);
  state.status = 'completed';
  upsertAttributes({ EntryStatus: state.status });
  return state;
}

function apply(state: EntryState, event: StageEvent): void {
  if (event.kind === 'entered') {
    state.currentStage = event.stageKey;
    state.history.push({ stageKey: event.stageKey, enteredAt: event.at });
    return;
  }
  const record = state.history.find((item) => item.stageKey === event.stageKey);
  if (record) {
    record.completedAt = event.at;
    record.outcome = event.outcome;
  } else {
    // Joined after the stage opened without hearing of it (a healed entry): the completion still counts.
    state.history.push({
      stageKey: event.stageKey,
      enteredAt: event.at,
      completedAt: event.at,
      outcome: event.outcome,
    });
  }
}

function historyEvents(record: EntryState['history'][number]): Pick<StageEvent, 'stageKey' | 'kind'>[] {
  const events: Pick<StageEvent, 'stageKey' | 'kind'>[] = [{ stageKey: record.stageKey, kind: 'entered' }];
  if (record.completedAt) events.push({ stageKey: record.stageKey, kind: 'completed' });
  return events;
}
