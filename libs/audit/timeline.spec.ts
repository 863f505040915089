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

    expect(lines.map((line) => line.eventId)).toEqual([1, 13, 24, 57, 88, 98, 116]);
    expect(lineAt(lines, 57)).toMatchObject({
      actor: 'dedfb85d-38d9-40fa-84c2-a7c96d33667a',
      text: 'Instansi mengonfirmasi jadwal wawancara 30 Nov 2026 02.36 WIB, panel 1.',
    });
    const noShow = lineAt(lines, 88);
    expect(noShow.text).toContain('tidak hadir');
    expect(noShow.text).toContain('no-show');
    expect(noShow).toMatchObject({ actor: null, at: '2026-11-29T19:36:30.213Z', local: '30 Nov 2026 02.36 WIB' });
    expect(lineAt(lines, 98)).toMatchObject({
      text: 'Tahap wawancara selesai, hasil: tidak lolos (tahap terakhir).',
      reason: 'Did not attend the interview (no-show).',
    });
    expect(lineAt(lines, 116).text).toBe('Proses entri berakhir dengan status: gugur.');
  });

  it('shows the edit and the withdrawal of entry-withdrawn with who asked and why', () => {
    const lines = timeline(historyFromJSON(json('entry-withdrawn.json')), en);

    expect(lines.map((line) => [line.eventId, line.text])).toEqual([
      [
        1,
        'Entry ecf19d97-db8f-436b-be5d-587d72d78d74 registered by agency kab-banyuwangi (cluster kabupaten, group keberlanjutan) in stage pendaftaran.',
      ],
      [23, 'Entry edited by the agency: summary, evidence links.'],
      [34, 'Entry withdrawn by the agency.'],
      [36, "The entry's workflow ended with status: withdrawn."],
    ]);
    expect(lineAt(lines, 34)).toMatchObject({
      actor: 'b2fe63a5-d1b6-4a02-86fa-8de4d21737f1',
      reason: 'Didaftarkan ulang dengan data baru',
      local: '29 Nov 2026 21:26 WIB',
    });
  });

  it('names each desk evaluator of entry-desk-scored with the version and weighted score of the sheet', () => {
    const lines = timeline(historyFromJSON(json('entry-desk-scored.json')), id);
    expect(lineAt(lines, 53)).toMatchObject({
      actor: '0e28e54e-9563-43b8-b5ad-524bb15d6297',
      text: 'Evaluator 0e28e54e-9563-43b8-b5ad-524bb15d6297 mengirim nilai evaluasi desk versi 1, nilai tertimbang 91.',
    });
    expect(lineAt(lines, 64).text).toContain('nilai tertimbang 66');
    expect(lineAt(lines, 109)).toMatchObject({
      text: 'Tahap uji-publik selesai, hasil: tidak lolos (tahap terakhir).',
      reason: 'Excluded: objection upheld: Verifikasi menunjukkan layanan tidak beroperasi.',
    });
  });

  it('shows an extended deadline to the second, with the reason, in the zone asked for', () => {
    const lines = timeline(historyFromJSON(json('cycle-desk-reminded.json')), {
      language: 'en',
      timeZone: 'Asia/Jayapura',
    });
    expect(lineAt(lines, 96)).toMatchObject({
      text: 'Deadline of stage evaluasi-desk extended from 30 Nov 2026 01:40:03 WIT to 30 Nov 2026 01:40:28 WIT.',
      reason: 'Evaluator meminta tambahan waktu.',
      actor: 'bfb2b307-7192-4eb5-b9ed-03e824d901fc',
    });
  });

  it('shows the objection decision and the early close of cycle-desk-objection', () => {
    const lines = timeline(historyFromJSON(json('cycle-desk-objection.json')), id);
    expect(lines.map((line) => line.eventId)).toEqual([1, 157, 170, 196]);
    expect(lineAt(lines, 157).text).toContain('dikabulkan');
    expect(lineAt(lines, 157).reason).toBe('Verifikasi menunjukkan layanan tidak beroperasi.');
    expect(lineAt(lines, 170).text).toBe('Tahap uji-publik ditutup lebih awal oleh admin.');
  });

  it('says when a stage event reached entry-eliminated after it had ended and was not recorded', () => {
    const lines = timeline(historyFromJSON(json('entry-eliminated.json')), id);
    expect(lineAt(lines, 24).text).toBe('Masuk tahap seleksi-administrasi.');
    expect(lineAt(lines, 50).text).toBe(
      'Masuk tahap evaluasi-desk. Pemberitahuan ini tiba setelah proses entri berakhir dan tidak dicatat.',
    );
  });

  it('marks a stage event delivered twice as ignored', () => {
    const raw = json('entry-interview-scored.json');
    const signals = raw.events.filter((event: object) => 'workflowExecutionSignaledEventAttributes' in event);
    signals[1].workflowExecutionSignaledEventAttributes.input =
      signals[0].workflowExecutionSignaledEventAttributes.input;
    const lines = timeline(historyFromJSON(raw), en);
    expect(lineAt(lines, 13).text).toBe('Completed stage pendaftaran.');
    expect(lineAt(lines, 24).text).toBe(
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
      actor: 'b2fe63a5-d1b6-4a02-86fa-8de4d21737f1',
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
    const signal = raw.events.find((event: { eventId: string }) => event.eventId === '50');
    signal.workflowExecutionSignaledEventAttributes.signalName = 'remindAgency';
    const history = historyFromJSON(raw);
    expect(lineAt(timeline(history, id), 50).text).toBe('Sinyal "remindAgency" diterima.');
    expect(lineAt(timeline(history, en), 50).text).toBe('Signal "remindAgency" received.');
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
