import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entryStateAt } from './entry-state-at';

const HISTORIES = join(__dirname, '../../test/replay/histories');
const json = (file: string) => JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
const load = (file: string) => historyFromJSON(json(file));

describe('entryStateAt', () => {
  describe('entry-withdrawn', () => {
    const history = load('entry-withdrawn.json');

    it('is withdrawn at the end, with the instant the withdrawal wrote and the fields the agency edited', () => {
      expect(entryStateAt(history, { eventId: 36 })).toEqual({
        asOfEventId: 36,
        asOf: '2026-12-04T04:27:13.937Z',
        status: 'withdrawn',
        currentStage: 'pendaftaran',
        withdrawnAt: '2026-12-04T04:27:12.400Z',
        documentChanges: {
          summary: 'Ringkasan yang diperbarui oleh instansi.',
          evidenceLinks: ['https://banyuwangikab.go.id/sas'],
        },
        stages: [
          {
            stageKey: 'pendaftaran',
            enteredAt: '2026-12-04T04:27:07.533Z',
            completedAt: null,
            outcome: null,
            reason: null,
          },
        ],
        deskScores: [],
        interviewScores: [],
        interviewBooking: null,
      });
    });

    it('is active, already edited, when the withdraw Update arrives and until its activity completes', () => {
      for (const eventId of [27, 29]) {
        expect(entryStateAt(history, { eventId })).toMatchObject({
          status: 'active',
          withdrawnAt: null,
          documentChanges: { summary: 'Ringkasan yang diperbarui oleh instansi.' },
        });
      }
      expect(entryStateAt(history, { eventId: 30 }).status).toBe('withdrawn');
      // Before the edit's activity completed (event 19) the document was as registered.
      expect(entryStateAt(history, { eventId: 18 }).documentChanges).toEqual({});
      // Before the first stage event was recorded (event 13) there is no stage row yet.
      expect(entryStateAt(history, { eventId: 12 }).stages).toEqual([]);
    });

    it('takes the events up to the first one after an instant', () => {
      expect(entryStateAt(history, { at: '2026-12-04T04:27:12.681Z' })).toMatchObject({
        asOfEventId: 29,
        status: 'active',
      });
      expect(entryStateAt(history, { at: '2026-12-04T04:27:12.682Z' })).toMatchObject({
        asOfEventId: 31,
        status: 'withdrawn',
      });
      // Event 12 (an activity start, written late with its earlier time) does not pull in events 9–11.
      expect(entryStateAt(history, { at: '2026-12-04T04:27:08.700Z' }).asOfEventId).toBe(8);
      expect(entryStateAt(history, { at: '2030-01-01T00:00:00Z' }).asOfEventId).toBe(36);
      expect(entryStateAt(history).asOfEventId).toBe(36);
    });

    it('refuses an event beyond the history, an instant before it, and unclear requests', () => {
      expect(() => entryStateAt(history, { eventId: 37 })).toThrow(
        'Event 37 is beyond the history, which ends at event 36.',
      );
      expect(() => entryStateAt(history, { at: '2026-12-04T04:27:07.946Z' })).toThrow(
        /is before the history's first event \(2026-12-04T04:27:07\.947Z\)/,
      );
      expect(() => entryStateAt(history, { eventId: 0 })).toThrow(/positive integer/);
      expect(() => entryStateAt(history, { at: 'yesterday' })).toThrow(/ISO 8601/);
      expect(() => entryStateAt(history, { eventId: 3, at: '2026-12-04T04:27:10Z' })).toThrow(/not both/);
      expect(() => entryStateAt(load('cycle-desk-objection.json'), { eventId: 3 })).toThrow(/Not an entry's history/);
    });
  });

  describe('entry-desk-scored', () => {
    const history = load('entry-desk-scored.json');

    it('holds each evaluator’s latest sheet, sorted by evaluator, and the stages in the order entered', () => {
      const state = entryStateAt(history, { eventId: 149 });
      expect(state.deskScores).toEqual([
        {
          stageKey: 'evaluasi-desk',
          evaluatorId: '696155e1-b610-43b4-b683-f2bf4f1b9b8c',
          version: 1,
          weighted: 91,
          scores: { kebaruan: 91, efektivitas: 91, kemanfaatan: 91, 'kemudahan-replikasi': 91, keberlanjutan: 91 },
          submittedAt: '2026-12-04T04:23:53.274Z',
        },
        {
          stageKey: 'evaluasi-desk',
          evaluatorId: '9e6b20af-5990-4826-83cd-2c620f0a80fa',
          version: 1,
          weighted: 66,
          scores: { kebaruan: 66, efektivitas: 66, kemanfaatan: 66, 'kemudahan-replikasi': 66, keberlanjutan: 66 },
          submittedAt: '2026-12-04T04:23:54.224Z',
        },
      ]);
      expect(state.stages.map((stage) => [stage.stageKey, stage.outcome])).toEqual([
        ['pendaftaran', 'completed'],
        ['evaluasi-desk', 'completed'],
        ['penetapan-finalis', 'completed'],
        ['uji-publik', 'fail'],
      ]);
      expect(state.stages[3]).toMatchObject({
        enteredAt: '2026-12-04T04:24:16.479Z',
        completedAt: '2026-12-04T04:24:30.790Z',
        reason: 'Excluded: objection upheld: Verifikasi menunjukkan layanan tidak beroperasi.',
      });
      expect(state).toMatchObject({ status: 'eliminated', currentStage: 'uji-publik' });
    });

    it('has one sheet after the first score was recorded and none before', () => {
      expect(entryStateAt(history, { eventId: 52 }).deskScores).toEqual([]);
      expect(entryStateAt(history, { eventId: 53 }).deskScores.map((score) => score.weighted)).toEqual([91]);
    });

    it('stays active after the failed stage is recorded, until completeEntry writes eliminated', () => {
      // recordEntryStageEvent writes the outcome only; entries.status changes in completeEntry (event 138).
      const recorded = entryStateAt(history, { eventId: 131 });
      expect(recorded.stages[3].outcome).toBe('fail');
      expect(recorded.status).toBe('active');
      expect(entryStateAt(history, { eventId: 138 }).status).toBe('eliminated');
    });

    it('moves current_stage only when an entered row is inserted', () => {
      expect(entryStateAt(history, { eventId: 35 }).currentStage).toBe('pendaftaran');
      expect(entryStateAt(history, { eventId: 36 }).currentStage).toBe('evaluasi-desk');

      // The same entered event recorded twice: the unique key keeps the first row and current_stage stays put.
      const raw = json('entry-desk-scored.json');
      const evaluasi = raw.events.find((event: { eventId: string }) => event.eventId === '34');
      const pendaftaran = raw.events.find((event: { eventId: string }) => event.eventId === '6');
      evaluasi.activityTaskScheduledEventAttributes.input = pendaftaran.activityTaskScheduledEventAttributes.input;
      const replayed = entryStateAt(historyFromJSON(raw), { eventId: 36 });
      expect(replayed.currentStage).toBe('pendaftaran');
      expect(replayed.stages.map((stage) => stage.stageKey)).toEqual(['pendaftaran']);
    });
  });

  it('entry-eliminated: the desk stage event that arrived after the elimination is not in the read model', () => {
    // The recording holds no late stage event, so one is put in: the desk stage's `entered`, signalled while
    // completeEntry was writing the elimination (after event 53), which the entry never records.
    const raw = json('entry-eliminated.json');
    const at = raw.events.findIndex((event: { eventId: string }) => event.eventId === '53');
    const signal = structuredClone(raw.events.find((event: { eventId: string }) => event.eventId === '30'));
    const notice = {
      stageKey: 'evaluasi-desk',
      kind: 'entered',
      at: '2026-12-04T04:29:44.400Z',
      stageType: 'desk-evaluation',
    };
    signal.workflowExecutionSignaledEventAttributes.input.payloads[0].data = Buffer.from(
      JSON.stringify(notice),
    ).toString('base64');
    signal.eventTime = raw.events[at].eventTime;
    raw.events.splice(at + 1, 0, signal);
    raw.events.forEach((event: { eventId: string }, index: number) => (event.eventId = String(index + 1)));
    const state = entryStateAt(historyFromJSON(raw));
    expect(state).toMatchObject({ status: 'eliminated', currentStage: 'seleksi-administrasi' });
    expect(state.stages.map((stage) => stage.stageKey)).toEqual(['pendaftaran', 'seleksi-administrasi']);
    expect(state.stages[1].reason).toBe(
      'Tidak diputuskan sebelum seleksi administrasi ditutup; hasil bawaan templat: tidak lolos.',
    );
  });

  it('entry-interview-no-show: the confirmed booking becomes a no-show when the engine records it', () => {
    const history = load('entry-interview-no-show.json');
    expect(entryStateAt(history, { eventId: 94 }).interviewBooking).toMatchObject({
      bookingId: '912c6540-aa78-4f7a-ae7e-66fdd1994aa1',
      confirmed: true,
      attendance: null,
    });
    expect(entryStateAt(history, { eventId: 95 }).interviewBooking).toMatchObject({ attendance: 'no-show' });
    expect(entryStateAt(history).status).toBe('eliminated');
  });

  it('entry-interview-scored: the panelist’s sheet with its weighted score', () => {
    const state = entryStateAt(load('entry-interview-scored.json'));
    expect(state.interviewScores).toEqual([
      {
        stageKey: 'wawancara',
        panelistId: 'efdf79d2-3ed4-4795-b898-8daf38d1db64',
        version: 1,
        weighted: 81,
        scores: { kebaruan: 80, efektivitas: 75, kemanfaatan: 90, 'kemudahan-replikasi': 70, keberlanjutan: 85 },
        submittedAt: '2026-12-04T04:21:01.750Z',
      },
    ]);
    expect(state.interviewBooking).toMatchObject({ attendance: 'present', confirmed: true, released: false });
    expect(state.status).toBe('completed');
  });

  it('entry-interview-released: the unconfirmed booking is released at the cut-off', () => {
    const history = load('entry-interview-released.json');
    expect(entryStateAt(history, { eventId: 64 }).interviewBooking).toMatchObject({
      released: false,
      confirmed: false,
    });
    expect(entryStateAt(history, { eventId: 65 }).interviewBooking).toMatchObject({ released: true, sequence: 1 });
  });
});
