import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import Long from 'long';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  actorOf,
  DECISION_EVENT_TYPES,
  decisionEvents,
  eventTimeIso,
  timestampIso,
  toJsonSafe,
  type History,
} from './decision-events';

const HISTORIES = join(__dirname, '../../test/replay/histories');
const json = (file: string) => JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
const load = (file: string): History => historyFromJSON(json(file));
const ref = { workflowId: 'entry-cycle-pkri-2095-5aa0693f', runId: 'run-1' };

describe('decisionEvents', () => {
  it('lists the start, the signals and each desk score Update of entry-desk-scored, with who scored and the result', () => {
    const decisions = decisionEvents(load('entry-desk-scored.json'), ref);

    expect(decisions.map((d) => [d.eventId, d.eventType, d.name])).toEqual([
      [1, 'started', 'entryWorkflow'],
      [13, 'signal', 'stageEvent'],
      [24, 'signal', 'stageEvent'],
      [46, 'update-accepted', 'submitDeskScore'],
      [53, 'update-completed', 'submitDeskScore'],
      [57, 'update-accepted', 'submitDeskScore'],
      [64, 'update-completed', 'submitDeskScore'],
      [65, 'signal', 'stageEvent'],
      [76, 'signal', 'stageEvent'],
      [87, 'signal', 'stageEvent'],
      [98, 'signal', 'stageEvent'],
      [109, 'signal', 'stageEvent'],
    ]);
    const accepted = decisions.find((d) => d.eventId === 46)!;
    expect(accepted).toMatchObject({
      ...ref,
      actor: '0e28e54e-9563-43b8-b5ad-524bb15d6297',
      occurredAt: '2026-11-29T16:33:45.934Z',
      payload: {
        updateId: '0dcb88a8-63cf-4f69-a957-e2408aec0dee',
        args: [{ evaluatorId: '0e28e54e-9563-43b8-b5ad-524bb15d6297', scores: { kebaruan: 91 } }],
      },
    });
    // The completion names its Update and keeps the request's actor, though the event itself carries neither.
    expect(decisions.find((d) => d.eventId === 64)).toMatchObject({
      name: 'submitDeskScore',
      actor: '4c2e25d6-827c-4b54-9cfd-b95d0f608c6d',
      payload: {
        updateId: '1505c930-646d-44b4-bb51-2dce7d27f778',
        result: { evaluatorId: '4c2e25d6-827c-4b54-9cfd-b95d0f608c6d', version: 1, weighted: 66 },
      },
    });
    expect(decisions[0]).toMatchObject({
      actor: null,
      occurredAt: '2026-11-29T16:33:26.689Z',
      payload: [{ entryId: '5aa0693f-033e-42f6-990e-4f5437dcff17', joinedStage: 'pendaftaran' }],
    });
    expect(decisions.find((d) => d.eventId === 109)!.payload).toEqual([
      {
        stageKey: 'uji-publik',
        kind: 'completed',
        at: '2026-11-29T16:34:33.008Z',
        outcome: 'fail',
        final: true,
        reason: 'Excluded: objection upheld: Verifikasi menunjukkan layanan tidak beroperasi.',
      },
    ]);
  });

  it('names the admin who resolved an objection and what the decision did, in cycle-desk-objection', () => {
    const decisions = decisionEvents(load('cycle-desk-objection.json'), ref);
    expect(decisions.map((d) => `${d.eventType}:${d.name}`)).toEqual([
      'started:cycleWorkflow',
      'update-accepted:resolveObjection',
      'update-completed:resolveObjection',
      'update-accepted:closeStageNow',
      'update-completed:closeStageNow',
    ]);
    expect(decisions[2]).toMatchObject({
      actor: 'bfb2b307-7192-4eb5-b9ed-03e824d901fc',
      payload: { result: { decision: 'upheld', entered: ['c30f6596-8106-4d3f-9ef2-b59fab9f93e2'], left: [] } },
    });
  });

  it.each(readdirSync(HISTORIES).filter((file) => file.endsWith('.json')))(
    '%s: every decision is JSON-safe, in event order, one per start, signal and Update event',
    (file) => {
      const raw = json(file) as { events: { eventType: string }[] };
      const decisionTypes = [
        'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED',
      ];
      const decisions = decisionEvents(historyFromJSON(raw), ref);

      expect(decisions).toHaveLength(raw.events.filter((event) => decisionTypes.includes(event.eventType)).length);
      expect(JSON.parse(JSON.stringify(decisions))).toEqual(decisions);
      expect(JSON.stringify(decisions)).not.toMatch(/"unsigned"|"low"/);
      const ids = decisions.map((d) => d.eventId);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
      for (const decision of decisions) {
        expect(DECISION_EVENT_TYPES).toContain(decision.eventType);
        expect(decision.name).not.toBe('');
        expect(decision.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
    },
  );

  it('gives a refused Update its failure message and the error code the activity refused with', () => {
    const raw = json('entry-withdrawn.json');
    const completion = raw.events.find((event: { eventId: string }) => event.eventId === '34');
    completion.workflowExecutionUpdateCompletedEventAttributes.outcome = {
      failure: {
        message: 'Activity task failed',
        activityFailureInfo: { activityType: { name: 'withdrawEntryDocument' } },
        cause: {
          message: 'Submission has closed; the entry can no longer be changed or withdrawn.',
          applicationFailureInfo: { type: 'ENTRY.NOT_EDITABLE', nonRetryable: true },
        },
      },
    };

    const refused = decisionEvents(historyFromJSON(raw), ref).find((d) => d.eventId === 34)!;

    expect(refused).toMatchObject({
      eventType: 'update-completed',
      name: 'withdrawEntry',
      actor: 'b2fe63a5-d1b6-4a02-86fa-8de4d21737f1',
      payload: {
        updateId: 'cd819032-46f7-4ca2-80f9-43542e38bbdf',
        failure: {
          message: 'Submission has closed; the entry can no longer be changed or withdrawn.',
          code: 'ENTRY.NOT_EDITABLE',
        },
      },
    });
  });

  it('finds the Update by its id when the accepted event id does not match, and refuses a history cut before it', () => {
    const raw = json('entry-withdrawn.json');
    const completion = raw.events.find((event: { eventId: string }) => event.eventId === '34');
    completion.workflowExecutionUpdateCompletedEventAttributes.acceptedEventId = '999';
    expect(decisionEvents(historyFromJSON(raw), ref).find((d) => d.eventId === 34)?.name).toBe('withdrawEntry');

    raw.events = raw.events.filter((event: { eventId: string }) => event.eventId !== '27');
    expect(() => decisionEvents(historyFromJSON(raw), ref)).toThrow(/event 34 has no accepted event/);
  });
});

describe('history helpers', () => {
  it('converts protobuf Timestamps to ISO with milliseconds, truncating nanoseconds', () => {
    expect(timestampIso({ seconds: Long.fromNumber(1720749600), nanos: 999_999_999 })).toBe('2024-07-12T02:00:00.999Z');
    expect(timestampIso({ seconds: 1720749600, nanos: 1_500_000 })).toBe('2024-07-12T02:00:00.001Z');
    expect(timestampIso({ seconds: '1720749600' })).toBe('2024-07-12T02:00:00.000Z');
    expect(() => timestampIso(undefined)).toThrow(/Timestamp/);
    const [first] = load('entry-withdrawn.json').events!;
    expect(eventTimeIso(first)).toBe('2026-11-29T14:26:16.842Z');
  });

  it('takes the actor from the first field found, in the documented order', () => {
    expect(actorOf([{ by: 'b', panelistId: 'p', requestedBy: 'r' }])).toBe('r');
    expect(actorOf([{ by: 'b', panelistId: 'p' }])).toBe('p');
    expect(actorOf([{ resolvedBy: 's', by: 'b' }])).toBe('s');
    expect(actorOf([{ stageKey: 'x' }])).toBeNull();
    expect(actorOf(['a string', { requestedBy: 'second argument' }])).toBeNull();
    expect(actorOf([])).toBeNull();
  });

  it('makes decoded values JSON-safe', () => {
    expect(
      toJsonSafe({
        kept: 1,
        dropped: undefined,
        list: [undefined, Number.NaN, -0],
        long: Long.fromNumber(42),
        big: Long.fromString('9007199254740993'),
        bigint: BigInt(7),
        bytes: new Uint8Array([104, 105]),
        when: new Date('2024-07-12T02:00:00Z'),
      }),
    ).toEqual({
      kept: 1,
      list: [null, null, 0],
      long: 42,
      big: '9007199254740993',
      bigint: 7,
      bytes: 'aGk=',
      when: '2024-07-12T02:00:00.000Z',
    });
    expect(toJsonSafe(undefined)).toBeNull();
  });
});
