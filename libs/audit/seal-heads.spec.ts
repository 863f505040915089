import { defaultPayloadConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sealHeads } from './seal-heads';

const json = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, '../../test/replay/histories', name), 'utf8')) as { events: RawEvent[] };
const fixture = (name: string) => historyFromJSON(json(name));

interface RawEvent {
  eventId: string;
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
  activityTaskStartedEventAttributes?: { scheduledEventId: string };
  activityTaskCompletedEventAttributes?: { scheduledEventId: string };
}

/** A history as it was before the seals: every baseline history seals, so the seal activity's events are taken out. */
function withoutSeals(name: string) {
  const raw = json(name);
  const seals = new Set(
    raw.events
      .filter((event) => event.activityTaskScheduledEventAttributes?.activityType.name === 'sealAuditTrail')
      .map((event) => event.eventId),
  );
  expect(seals.size).toBeGreaterThan(0);
  raw.events = raw.events.filter(
    (event) =>
      !seals.has(event.eventId) &&
      !seals.has(event.activityTaskStartedEventAttributes?.scheduledEventId ?? '') &&
      !seals.has(event.activityTaskCompletedEventAttributes?.scheduledEventId ?? ''),
  );
  return historyFromJSON(raw);
}

describe('sealHeads', () => {
  it('reads the head every completed seal returned, in history order', () => {
    const heads = sealHeads(fixture('entry-audit-sealed.json'));
    expect(heads.length).toBeGreaterThan(0);
    for (const head of heads) {
      expect(head.seq).toBeGreaterThan(0);
      expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(heads.map((head) => head.seq)).toEqual([...heads.map((head) => head.seq)].sort((a, b) => a - b));
  });

  it('finds none in a history from before the seals, and ignores other activities’ results', () => {
    expect(sealHeads(fixture('entry-full-run.json'))).not.toEqual([]);
    const beforeSeals = withoutSeals('entry-full-run.json');
    expect(beforeSeals.events!.some((event) => event.activityTaskCompletedEventAttributes)).toBe(true);
    expect(sealHeads(beforeSeals)).toEqual([]);
    const history = fixture('entry-audit-sealed.json');
    const loadScheduled = history.events!.find(
      (event) => event.activityTaskScheduledEventAttributes?.activityType?.name === 'loadDeskScoring',
    )!;
    const completed = history.events!.find(
      (event) => String(event.activityTaskCompletedEventAttributes?.scheduledEventId) === String(loadScheduled.eventId),
    )!;
    completed.activityTaskCompletedEventAttributes!.result = {
      payloads: [defaultPayloadConverter.toPayload({ head: { seq: 999, hash: 'x' } })],
    };
    expect(sealHeads(history).some((head) => head.seq === 999)).toBe(false);
  });

  it('reads the heads a completed stage’s record returned once it seals too (entry-record-seals-stage)', () => {
    const history = fixture('entry-full-run-record-seals.json');
    const scheduled = (name: string) =>
      history.events!.filter((event) => event.activityTaskScheduledEventAttributes?.activityType?.name === name);
    const input = (event: NonNullable<typeof history.events>[number]) =>
      defaultPayloadConverter.fromPayload<{ sealFor?: unknown }>(
        event.activityTaskScheduledEventAttributes!.input!.payloads![0],
      );
    const records = scheduled('recordEntryStageEvent');
    // Six of its seven stages completed without ending the entry, each recorded with a seal; the end sealed alone.
    expect(scheduled('sealAuditTrail')).toHaveLength(1);
    expect(records.filter((event) => input(event).sealFor)).toHaveLength(6);
    const heads = sealHeads(history);
    expect(heads).toHaveLength(7);
    expect(heads.map((head) => head.seq)).toEqual([...heads.map((head) => head.seq)].sort((a, b) => a - b));
    // A record without `sealFor` is not a seal, whatever its result holds.
    const entered = records.find((event) => !input(event).sealFor)!;
    const enteredDone = history.events!.find(
      (event) => String(event.activityTaskCompletedEventAttributes?.scheduledEventId) === String(entered.eventId),
    )!;
    enteredDone.activityTaskCompletedEventAttributes!.result = {
      payloads: [defaultPayloadConverter.toPayload({ head: { seq: 999, hash: 'x' } })],
    };
    expect(sealHeads(history).some((head) => head.seq === 999)).toBe(false);
  });
});
