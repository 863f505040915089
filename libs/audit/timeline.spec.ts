import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localFormatter, timeline, type TimelineLine } from './timeline';

const HISTORIES = join(__dirname, '../../test/replay/histories');
const json = (file: string) => JSON.parse(readFileSync(join(HISTORIES, file), 'utf8'));
const id = { language: 'id', timeZone: 'WIB' } as const;
const en = { language: 'en', timeZone: 'WIB' } as const;
const lineAt = (lines: TimelineLine[], eventId: number) => lines.find((line) => line.eventId === eventId)!;

describe('timeline', () => {
  it('tells, in Indonesian, that the agency of entry-interview-no-show did not attend and was eliminated', () => {
    const lines = timeline(historyFromJSON(json('entry-interview-no-show.json')), id);

    // The recording ends while the audit trail is being sealed (sealAuditTrail scheduled, the run not yet closed), so
    // its last line is the stage's fail; the end of a run that did close as eliminated is pinned in entry-eliminated.
    expect(lines.map((line) => line.eventId)).toEqual([1, 13, 30, 64, 95, 105]);
    expect(lineAt(lines, 64)).toMatchObject({
      actor: '00649e81-340b-4cbd-9fd5-d9ab94f1f91f',
      text: 'Instansi mengonfirmasi jadwal wawancara 4 Des 2026 11.21 WIB, panel 2.',
    });
    const noShow = lineAt(lines, 95);
    expect(noShow.text).toContain('tidak hadir');
    expect(noShow.text).toContain('no-show');
    expect(noShow).toMatchObject({ actor: null, at: '2026-12-04T04:21:15.723Z', local: '4 Des 2026 11.21 WIB' });
    expect(lineAt(lines, 105)).toMatchObject({
      text: 'Tahap wawancara selesai, hasil: tidak lolos (tahap terakhir).',
      reason: 'Did not attend the interview (no-show).',
    });
  });

  it('shows the edit and the withdrawal of entry-withdrawn with who asked and why', () => {
    const lines = timeline(historyFromJSON(json('entry-withdrawn.json')), en);

    expect(lines.map((line) => [line.eventId, line.text])).toEqual([
      [
        1,
        'Entry 436252db-47bc-4f77-aaeb-30488183ee26 registered by agency kab-banyuwangi (cluster kabupaten, group keberlanjutan) in stage pendaftaran.',
      ],
      [23, 'Entry edited by the agency: summary, evidence links.'],
      [34, 'Entry withdrawn by the agency.'],
      // The recording ends at event 36, sealAuditTrail scheduled: the run had not closed, so there is no end line.
    ]);
    expect(lineAt(lines, 34)).toMatchObject({
      actor: '6c568b41-f24c-42d3-a9b4-331b44a47661',
      reason: 'Didaftarkan ulang dengan data baru',
      local: '4 Dec 2026 11:27 WIB',
    });
  });

  it('names each desk evaluator of entry-desk-scored with the version and weighted score of the sheet', () => {
    const lines = timeline(historyFromJSON(json('entry-desk-scored.json')), id);
    expect(lineAt(lines, 57)).toMatchObject({
      actor: '696155e1-b610-43b4-b683-f2bf4f1b9b8c',
      text: 'Evaluator 696155e1-b610-43b4-b683-f2bf4f1b9b8c mengirim nilai evaluasi desk versi 1, nilai tertimbang 91.',
    });
    expect(lineAt(lines, 68).text).toContain('nilai tertimbang 66');
    expect(lineAt(lines, 125)).toMatchObject({
      text: 'Tahap uji-publik selesai, hasil: tidak lolos (tahap terakhir).',
      reason: 'Excluded: objection upheld: Verifikasi menunjukkan layanan tidak beroperasi.',
    });
  });

  it('shows an extended deadline to the second, with the reason, in the zone asked for', () => {
    const lines = timeline(historyFromJSON(json('cycle-desk-reminded.json')), {
      language: 'en',
      timeZone: 'Asia/Jayapura',
    });
    expect(lineAt(lines, 105)).toMatchObject({
      text: 'Deadline of stage evaluasi-desk extended from 4 Dec 2026 13:29:56 WIT to 4 Dec 2026 13:30:21 WIT.',
      reason: 'Evaluator meminta tambahan waktu.',
      actor: 'c3ee0a82-412e-4d5e-bb11-030431c56167',
    });
  });

  it('shows the objection decision and the early close of cycle-desk-objection', () => {
    const lines = timeline(historyFromJSON(json('cycle-desk-objection.json')), id);
    // The suite now opens and closes every stage early (admin Updates), each a line of its own.
    expect(lines.map((line) => line.eventId)).toEqual([1, 32, 62, 93, 123, 148, 172, 195, 208, 238]);
    expect(lineAt(lines, 195).text).toContain('dikabulkan');
    expect(lineAt(lines, 195).reason).toBe('Verifikasi menunjukkan layanan tidak beroperasi.');
    expect(lineAt(lines, 208).text).toBe('Tahap uji-publik ditutup lebih awal oleh admin.');
  });

  it('says when a stage event reached entry-eliminated after it had ended and was not recorded', () => {
    // The recording holds no late stage event, so one is put in: the fan-out of the next stage's `entered`, arriving
    // while the entry's elimination was being written (after completeEntry started, event 53), never recorded.
    const raw = json('entry-eliminated.json');
    const at = raw.events.findIndex((event: { eventId: string }) => event.eventId === '53');
    expect(raw.events[at].eventType).toBe('EVENT_TYPE_ACTIVITY_TASK_STARTED');
    const entered = structuredClone(raw.events.find((event: { eventId: string }) => event.eventId === '30'));
    const notice = {
      stageKey: 'evaluasi-desk',
      kind: 'entered',
      at: '2026-12-04T04:29:44.400Z',
      stageType: 'desk-evaluation',
    };
    entered.workflowExecutionSignaledEventAttributes.input.payloads[0].data = Buffer.from(
      JSON.stringify(notice),
    ).toString('base64');
    entered.eventTime = raw.events[at].eventTime;
    raw.events.splice(at + 1, 0, entered);
    raw.events.forEach((event: { eventId: string }, index: number) => (event.eventId = String(index + 1)));
    const lines = timeline(historyFromJSON(raw), id);

    expect(lineAt(lines, 30).text).toBe('Masuk tahap seleksi-administrasi (seleksi administrasi).');
    expect(lineAt(lines, 54).text).toBe(
      'Masuk tahap evaluasi-desk (evaluasi desk). Pemberitahuan ini tiba setelah proses entri berakhir dan tidak dicatat.',
    );
    expect(lines.at(-1)).toMatchObject({ eventId: 66, text: 'Proses entri berakhir dengan status: gugur.' });
  });

  it('marks a stage event delivered twice as ignored', () => {
    const raw = json('entry-interview-scored.json');
    const signals = raw.events.filter((event: object) => 'workflowExecutionSignaledEventAttributes' in event);
    signals[1].workflowExecutionSignaledEventAttributes.input =
      signals[0].workflowExecutionSignaledEventAttributes.input;
    const lines = timeline(historyFromJSON(raw), en);
    expect(lineAt(lines, 13).text).toBe('Completed stage pendaftaran.');
    expect(lineAt(lines, 30).text).toBe(
      'Completed stage pendaftaran. This notice arrived again and was ignored, as it was already recorded.',
    );
  });

  it('shows a refused Update with its failure message', () => {
    const raw = json('entry-withdrawn.json');
    const completion = raw.events.find((event: { eventId: string }) => event.eventId === '34');
    completion.workflowExecutionUpdateCompletedEventAttributes.outcome = {
      failure: {
        message: 'Activity task failed',
        activityFailureInfo: {},
        cause: { message: 'Submission has closed.', applicationFailureInfo: { type: 'ENTRY.NOT_EDITABLE' } },
      },
    };
    const history = historyFromJSON(raw);

    expect(lineAt(timeline(history, id), 34)).toMatchObject({
      text: 'Permintaan penarikan entri ditolak (ENTRY.NOT_EDITABLE): Submission has closed.',
      reason: 'Submission has closed.',
      actor: '6c568b41-f24c-42d3-a9b4-331b44a47661',
    });
    expect(lineAt(timeline(history, en), 34).text).toBe(
      'Request for a withdrawal refused (ENTRY.NOT_EDITABLE): Submission has closed.',
    );
  });

  it('shows an Update the history holds no completion for where it was accepted', () => {
    const raw = json('entry-withdrawn.json');
    raw.events = raw.events.filter((event: { eventId: string }) => Number(event.eventId) <= 30);
    const lines = timeline(historyFromJSON(raw), id);
    expect(lines.map((line) => line.eventId)).toEqual([1, 23, 27]);
    expect(lineAt(lines, 27)).toMatchObject({
      text: 'Permintaan penarikan entri diterima dan belum selesai.',
      reason: 'Didaftarkan ulang dengan data baru',
    });
  });

  it('names a signal it does not know', () => {
    const raw = json('entry-eliminated.json');
    const signal = raw.events.find((event: { eventId: string }) => event.eventId === '30');
    signal.workflowExecutionSignaledEventAttributes.signalName = 'remindAgency';
    const history = historyFromJSON(raw);
    expect(lineAt(timeline(history, id), 30).text).toBe('Sinyal "remindAgency" diterima.');
    expect(lineAt(timeline(history, en), 30).text).toBe('Signal "remindAgency" received.');
  });

  it.each(readdirSync(HISTORIES).filter((file) => file.endsWith('.json')))(
    '%s: both languages give the same lines, none empty, each worded differently',
    (file) => {
      const history = historyFromJSON(json(file));
      const indonesian = timeline(history, id);
      const english = timeline(history, en);

      expect(indonesian.length).toBeGreaterThanOrEqual(2);
      expect(english.map((line) => line.eventId)).toEqual(indonesian.map((line) => line.eventId));
      indonesian.forEach((line, index) => {
        expect(line.text.trim()).not.toBe('');
        expect(english[index].text.trim()).not.toBe('');
        expect(english[index].text).not.toBe(line.text);
        expect(english[index].at).toBe(line.at);
        expect(line.local).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}\.\d{2} WIB$/);
        expect(english[index].local).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} WIB$/);
      });
      // The workflow's start and (for every recorded run that finished) its end are lines.
      expect(indonesian[0].eventId).toBe(1);
    },
  );
});

describe('localFormatter', () => {
  const instant = new Date('2024-07-12T02:00:00Z');

  it('writes Indonesian times with a full stop and English ones with a colon, the zone named', () => {
    expect(localFormatter('id', 'WIB')(instant)).toBe('12 Jul 2024 09.00 WIB');
    expect(localFormatter('en', 'WIB')(instant)).toBe('12 Jul 2024 09:00 WIB');
    expect(localFormatter('id', 'Asia/Makassar')(instant)).toBe('12 Jul 2024 10.00 WITA');
    expect(localFormatter('en', 'Asia/Jayapura')(instant)).toBe('12 Jul 2024 11:00 WIT');
  });

  it('uses each language’s month names and shows seconds only when asked and not zero', () => {
    const may = new Date('2024-05-01T16:59:30Z');
    expect(localFormatter('id', 'WIB')(may)).toBe('1 Mei 2024 23.59 WIB');
    expect(localFormatter('en', 'WIB')(may)).toBe('1 May 2024 23:59 WIB');
    expect(localFormatter('id', 'WIB')(may, { seconds: true })).toBe('1 Mei 2024 23.59.30 WIB');
    expect(localFormatter('id', 'WIB')(instant, { seconds: true })).toBe('12 Jul 2024 09.00 WIB');
  });

  it('falls back to Intl for zones outside Indonesia and refuses unknown ones', () => {
    expect(localFormatter('en', 'UTC')(instant)).toBe('12 Jul 2024 02:00 UTC');
    expect(() => localFormatter('en', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
  });
});
