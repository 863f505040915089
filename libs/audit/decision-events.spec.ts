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
const ref = { workflowId: 'entry-cycle-pkri-2095-d66f8add', runId: 'run-1' };

describe('decisionEvents', () => {
  it('lists the start, the signals and each desk score Update of entry-desk-scored, with who scored and the result', () => {
    const decisions = decisionEvents(load('entry-desk-scored.json'), ref);

    expect(decisions.map((d) => [d.eventId, d.eventType, d.name])).toEqual([
      [1, 'started', 'entryWorkflow'],
      [13, 'signal', 'stageEvent'],
      [25, 'signal', 'stageEvent'],
      [50, 'update-accepted', 'submitDeskScore'],
      [57, 'update-completed', 'submitDeskScore'],
      [61, 'update-accepted', 'submitDeskScore'],
      [68, 'update-completed', 'submitDeskScore'],
      [69, 'signal', 'stageEvent'],
      [81, 'signal', 'stageEvent'],
      [97, 'signal', 'stageEvent'],
      [114, 'signal', 'stageEvent'],
      [125, 'signal', 'stageEvent'],
    ]);
    const accepted = decisions.find((d) => d.eventId === 50)!;
    expect(accepted).toMatchObject({
      ...ref,
      actor: '696155e1-b610-43b4-b683-f2bf4f1b9b8c',
      occurredAt: '2026-12-04T04:23:53.242Z',
      payload: {
        updateId: 'c3285965-7a1c-42d5-bc3b-8e74157f8c1e',
        args: [{ evaluatorId: '696155e1-b610-43b4-b683-f2bf4f1b9b8c', scores: { kebaruan: 91 } }],
      },
    });
    // The completion names its Update and keeps the request's actor, though the event itself carries neither.
    expect(decisions.find((d) => d.eventId === 68)).toMatchObject({
      name: 'submitDeskScore',
      actor: '9e6b20af-5990-4826-83cd-2c620f0a80fa',
      payload: {
        updateId: '4d962fa7-03b3-4eb9-9513-f30daecaf545',
        result: { evaluatorId: '9e6b20af-5990-4826-83cd-2c620f0a80fa', version: 1, weighted: 66 },
      },
    });
    expect(decisions[0]).toMatchObject({
      actor: null,
      occurredAt: '2026-12-04T04:23:26.409Z',
      payload: [{ entryId: 'd66f8add-2043-4e5f-bc80-021b363c18b5', joinedStage: 'pendaftaran' }],
    });
    expect(decisions.find((d) => d.eventId === 125)!.payload).toEqual([
      {
        stageKey: 'uji-publik',
        kind: 'completed',
        at: '2026-12-04T04:24:30.790Z',
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
      // The suite now closes each stage early and opens the next at once: pendaftaran, evaluasi-desk, penetapan-finalis.
      'update-accepted:closeStageNow',
      'update-completed:closeStageNow',
      'update-accepted:openStageNow',
      'update-completed:openStageNow',
      'update-accepted:closeStageNow',
      'update-completed:closeStageNow',
      'update-accepted:openStageNow',
      'update-completed:openStageNow',
      'update-accepted:closeStageNow',
      'update-completed:closeStageNow',
      'update-accepted:openStageNow',
      'update-completed:openStageNow',
      'update-accepted:resolveObjection',
      'update-completed:resolveObjection',
      'update-accepted:closeStageNow',
      'update-completed:closeStageNow',
    ]);
    expect(decisions[14]).toMatchObject({
      eventId: 195,
      actor: 'c3ee0a82-412e-4d5e-bb11-030431c56167',
      payload: { result: { decision: 'upheld', entered: ['4f995857-79a4-44cd-965b-61207bfc4d26'], left: [] } },
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
      actor: '6c568b41-f24c-42d3-a9b4-331b44a47661',
      payload: {
        updateId: '3629dfd4-d998-4f2e-8c93-278b33e1a1b4',
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
    expect(eventTimeIso(first)).toBe('2026-12-04T04:27:07.947Z');
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
