import { condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { EntryActivities } from '../activities/entry.activities';
import { ErrorCode } from '../libs/domain/error-codes';
import {
  editEntryUpdate,
  entryStateQuery,
  withdrawEntryUpdate,
  stageEventSignal,
  type EntryState,
  type EntryWorkflowInput,
  type StageEvent,
} from './entry.messages';
import { sealAudit } from './audit-seal';
import { installDeskScoring } from './desk-scoring';
import { installInterview } from './interview-booking';
import { reject } from './rejection';
import { upsertAttributes } from './search-attributes';

/** docs/versioning.md lists every patch id; an id is never reused. */
const PATCH_RECORD_SEALS_STAGE = 'entry-record-seals-stage';

const { recordEntryStageEvent, completeEntry, editEntryDocument, withdrawEntryDocument } =
  proxyActivities<EntryActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { maximumInterval: '30 seconds' },
  });
// A record that also seals waits for the audit log's lock as a seal does (workflows/audit-seal.ts).
const { recordEntryStageEvent: recordAndSeal } = proxyActivities<EntryActivities>({
  startToCloseTimeout: '2 minutes',
  // The worker heartbeats it while it runs (apps/worker): one that died is noticed in 30 s, not at the timeout.
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * One innovation's path through the cycle: it follows the stage events the cycle sends and records each once.
 * Until submission closes the agency may edit or withdraw it (Updates); in desk evaluation its evaluators score it
 * (an Update, see desk-scoring); in the interview stage it keeps its appointment (see interview-booking); a failed
 * stage ends it.
 */
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
  const refuseAfterSubmission = (_request: unknown) => {
    const submission = state.history.find((record) => record.stageKey === input.joinedStage);
    if (state.status !== 'active' || submission?.completedAt || state.currentStage !== input.joinedStage) {
      reject(
        ErrorCode.EntryNotEditable,
        state.status === 'withdrawn'
          ? 'The entry has been withdrawn.'
          : 'Submission has closed; the entry can no longer be changed or withdrawn.',
      );
    }
  };
  setHandler(
    editEntryUpdate,
    async ({ changes, requestedBy }) => {
      const editedAt = await editEntryDocument({ entryId: input.entryId, changes, requestedBy });
      return { entryId: input.entryId, editedAt };
    },
    { validator: refuseAfterSubmission },
  );
  setHandler(
    withdrawEntryUpdate,
    async ({ reason, requestedBy }) => {
      const withdrawnAt = await withdrawEntryDocument({ entryId: input.entryId, reason, requestedBy });
      state.status = 'withdrawn';
      return { entryId: input.entryId, withdrawnAt };
    },
    { validator: refuseAfterSubmission },
  );

  const deskScoring = installDeskScoring(state);
  const interview = installInterview(state);

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
    await condition(() => inbox.length > 0 || state.status === 'withdrawn');
    if (state.status === 'withdrawn') break;
    const event = inbox.shift()!;
    const endsEntry = event.kind === 'completed' && (event.outcome === 'fail' || event.final === true);
    const sealsStage = event.kind === 'completed' && !endsEntry;
    // Since 1.1 a completed stage is recorded and sealed by one activity, as the completion is recorded, and the
    // search attributes change only when the stage does: fewer events and workflow tasks per entry
    // (docs/versioning.md).
    const recordSeals = patched(PATCH_RECORD_SEALS_STAGE);
    const stageBefore = state.currentStage;
    const subject = { cycleId: input.cycleId, entryId: input.entryId };
    const sealed =
      recordSeals && sealsStage
        ? await recordAndSeal({ entryId: input.entryId, event, sealFor: subject })
        : await recordEntryStageEvent({ entryId: input.entryId, event });
    apply(state, event);
    if (!recordSeals || state.currentStage !== stageBefore) upsertAttributes({ Stage: state.currentStage });
    if (event.kind === 'entered') {
      await deskScoring.entered(event);
      await interview.entered(event);
    }
    if (event.kind === 'completed') await interview.completed(event);
    if (event.kind === 'completed' && event.outcome === 'fail') state.status = 'eliminated';
    finished = endsEntry;
    // No seal came back: the old path, or a worker of an older release ran the record and ignored `sealFor`.
    if (sealsStage && !sealed) await sealAudit(subject);
  }
  if (state.status !== 'withdrawn') {
    const status = state.status === 'eliminated' ? 'eliminated' : 'completed';
    await completeEntry(input.entryId, status);
    state.status = status;
  }
  upsertAttributes({ EntryStatus: state.status });
  await sealAudit({ cycleId: input.cycleId, entryId: input.entryId });
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
    record.reason = event.reason;
  } else {
    // Joined after the stage opened without hearing of it (a healed entry): the completion still counts.
    state.history.push({
      stageKey: event.stageKey,
      enteredAt: event.at,
      completedAt: event.at,
      outcome: event.outcome,
      reason: event.reason,
    });
  }
}

function historyEvents(record: EntryState['history'][number]): Pick<StageEvent, 'stageKey' | 'kind'>[] {
  const events: Pick<StageEvent, 'stageKey' | 'kind'>[] = [{ stageKey: record.stageKey, kind: 'entered' }];
  if (record.completedAt) events.push({ stageKey: record.stageKey, kind: 'completed' });
  return events;
}
