import fc from 'fast-check';
import ICAL from 'ical.js';
import { CALENDAR_CONTENT_TYPE, interviewCalendar, type InterviewCalendarEvent } from './icalendar';

// The writer's output is read back by ical.js (Mozilla's RFC 5545 parser), not by code that shares its assumptions.

const LONG_DESCRIPTION = [
  'Wawancara tahap Top 45 Kompetisi Inovasi Pelayanan Publik (KIPP) 2025.',
  'Inovasi: "Ayo Ceting" — Cegah Stunting, Kabupaten Solok Selatan, Sumatera Barat.',
  'Bawa: paparan (maks. 10 slide); video 3 menit; dokumen pendukung.',
  'Jalur berkas di server lama: C:\\new\\tahap\\berkas; jangan diubah.',
  'Panelis: Dr. Ir. Siti Nurhaliza, M.Si.; Prof. Ñoño Álvarez; Bapak Hendra Ş. Gültekin.',
  'Mohon hadir 15 menit sebelum jadwal, dengan kamera menyala ✓.',
].join('\n');

const event = (extra: Partial<InterviewCalendarEvent> = {}): InterviewCalendarEvent => ({
  uid: 'booking-7f3a@tahap',
  sequence: 0,
  method: 'REQUEST',
  startsAt: '2025-07-16T02:00:00Z',
  endsAt: '2025-07-16T02:30:00Z',
  stampAt: '2025-07-01T08:15:00Z',
  summary: 'Kabupaten Solok Selatan — Ayo Ceting ✓',
  description: LONG_DESCRIPTION,
  location: 'https://meet.example.go.id/kipp-2025/ruang-3?pwd=a,b;c',
  url: 'https://tahap.example.go.id/wawancara/booking-7f3a',
  organizer: { name: 'Panitia KIPP, Kementerian PANRB', email: 'panitia-kipp@menpan.example.go.id' },
  attendees: [
    { name: 'Rina Marlina', email: 'rina@solokselatankab.example.go.id' },
    { name: 'Dr. Ir. "Budi" Santoso; M.Si.', email: 'budi.santoso@example.ac.id' },
  ],
  alarmsMinutesBefore: [1440, 60],
  ...extra,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  return { calendar, vevent: vevents[0], event: new ICAL.Event(vevents[0]) };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const octets = (line: string) => new TextEncoder().encode(line).length;

/** Physical lines, each checked to end with CRLF and to hold no bare CR or LF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) expect(line).not.toMatch(/[\r\n]/);
  return lines;
}

function longestLine(text: string): number {
  return Math.max(...physicalLines(text).map(octets));
}

describe('interview invitation as iCalendar', () => {
  it('reads back as one REQUEST event with the booking uid, sequence, instants and CONFIRMED status', () => {
    const { calendar, vevent, event: parsed } = parse(interviewCalendar(event()));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Tahap//Interview Scheduling//ID');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(parsed.uid).toBe('booking-7f3a@tahap');
    expect(parsed.sequence).toBe(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(parsed.startDate.isDate).toBe(false);
    expect(parsed.startDate.zone?.tzid).toBe('UTC');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2025-07-16T02:00:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2025-07-16T02:30:00.000Z');
    expect((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2025-07-01T08:15:00.000Z',
    );
  });

  it('keeps summary, description and location exactly: commas, semicolons, backslashes, newlines, non-ASCII', () => {
    const { vevent, event: parsed } = parse(interviewCalendar(event()));
    expect(parsed.summary).toBe('Kabupaten Solok Selatan — Ayo Ceting ✓');
    expect(LONG_DESCRIPTION.length).toBeGreaterThan(300);
    expect(parsed.description).toBe(LONG_DESCRIPTION);
    expect(parsed.location).toBe('https://meet.example.go.id/kipp-2025/ruang-3?pwd=a,b;c');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://tahap.example.go.id/wawancara/booking-7f3a');
  });

  it('escapes TEXT on the wire, which ical.js would forgive if it were missing', () => {
    const text = interviewCalendar(event({ summary: 'Wawancara; Solok Selatan, Sumbar \\ tahap 2\nruang 3' }));
    expect(text).toContain('\r\nSUMMARY:Wawancara\\; Solok Selatan\\, Sumbar \\\\ tahap 2\\nruang 3\r\n');
  });

  it('names the organizer and every attendee by e-mail, quoting names with commas and dropping double quotes', () => {
    const { vevent, event: parsed } = parse(interviewCalendar(event()));
    const organizer = vevent.getFirstProperty('organizer')!;
    expect(organizer.getFirstValue()).toBe('mailto:panitia-kipp@menpan.example.go.id');
    expect(organizer.getParameter('cn')).toBe('Panitia KIPP, Kementerian PANRB');
    expect(parsed.attendees.map((attendee) => attendee.getFirstValue())).toEqual([
      'mailto:rina@solokselatankab.example.go.id',
      'mailto:budi.santoso@example.ac.id',
    ]);
    expect(parsed.attendees.map((attendee) => attendee.getParameter('cn'))).toEqual([
      'Rina Marlina',
      'Dr. Ir. Budi Santoso; M.Si.',
    ]);
    for (const attendee of parsed.attendees) {
      expect(attendee.getParameter('role')).toBe('REQ-PARTICIPANT');
      expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION');
      expect(attendee.getParameter('rsvp')).toBe('FALSE');
    }
  });

  it('sets a display alarm a day and an hour before the start', () => {
    const { vevent } = parse(interviewCalendar(event()));
    const alarms = vevent.getAllSubcomponents('valarm');
    expect(alarms.map((alarm) => alarm.getFirstPropertyValue('action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms.map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds())).toEqual([
      -86_400, -3_600,
    ]);
    expect(alarms.map((alarm) => alarm.getFirstPropertyValue('description'))).toEqual([
      'Kabupaten Solok Selatan — Ayo Ceting ✓',
      'Kabupaten Solok Selatan — Ayo Ceting ✓',
    ]);
  });

  it('writes triggers in days, hours and minutes', () => {
    const text = interviewCalendar(event({ alarmsMinutesBefore: [2880, 90, 15, 1500, 0] }));
    expect(text.match(/^TRIGGER:.*$/gm)?.map((line) => line.trim())).toEqual([
      'TRIGGER:-P2D',
      'TRIGGER:-PT1H30M',
      'TRIGGER:-PT15M',
      'TRIGGER:-P1DT1H',
      'TRIGGER:PT0M',
    ]);
    const { vevent } = parse(text);
    expect(
      vevent
        .getAllSubcomponents('valarm')
        .map((alarm) => (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()),
    ).toEqual([-172_800, -5_400, -900, -90_000, 0]);
  });

  it('ends every physical line with CRLF and keeps it within 75 octets, folding without splitting a character', () => {
    const text = interviewCalendar(
      event({ description: `${'✓'.repeat(30)}${'ä'.repeat(50)}😀😀😀${LONG_DESCRIPTION}` }),
    );
    const lines = physicalLines(text);
    expect(Math.max(...lines.map(octets))).toBeLessThanOrEqual(75);
    // Folding by UTF-16 units would split an emoji into two lone surrogates, which UTF-8 writes as U+FFFD.
    for (const line of lines) expect(line).not.toMatch(LONE_SURROGATE);
    const continuations = lines.filter((line) => line.startsWith(' '));
    expect(continuations.length).toBeGreaterThan(5);
    for (const line of continuations) expect(line[1]).not.toBe(' ');
    expect(parse(text).event.description).toBe(`${'✓'.repeat(30)}${'ä'.repeat(50)}😀😀😀${LONG_DESCRIPTION}`);
  });

  it('never splits a four-octet character, whatever its alignment to the fold', () => {
    for (let pad = 0; pad < 4; pad += 1) {
      const description = `${'a'.repeat(pad)}${'😀'.repeat(60)}`;
      const text = interviewCalendar(event({ description }));
      expect(longestLine(text)).toBeLessThanOrEqual(75);
      for (const line of physicalLines(text)) expect(line).not.toMatch(LONE_SURROGATE);
      expect(parse(text).event.description).toBe(description);
    }
  });

  it('folds exactly at 75 octets, even between a backslash and the character it escapes', () => {
    // "SUMMARY:" is 8 octets; 66 letters bring the line to 74 and the backslash of "\," is octet 75.
    const summary = `${'a'.repeat(66)},b`;
    const text = interviewCalendar(event({ summary }));
    expect(text).toContain(`SUMMARY:${'a'.repeat(66)}\\\r\n ,b\r\n`);
    expect(parse(text).event.summary).toBe(summary);
  });

  it('round-trips any text, whatever its characters and length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 120 }), (description, name) => {
        const text = interviewCalendar(
          event({
            description,
            summary: description,
            location: description,
            attendees: [{ name, email: 'a@example.id' }],
          }),
        );
        expect(longestLine(text)).toBeLessThanOrEqual(75);
        // TEXT cannot carry CONTROL characters other than HTAB (RFC 5545 §3.3.11); line breaks become newlines.
        // eslint-disable-next-line no-control-regex
        const expected = description.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
        const { event: parsed } = parse(text);
        expect(parsed.description).toBe(expected);
        expect(parsed.summary).toBe(expected);
        expect(parsed.location).toBe(expected);
      }),
      { seed: 20250716, numRuns: 200 },
    );
  });

  it('gives the same bytes for the same booking version', () => {
    expect(interviewCalendar(event())).toBe(interviewCalendar(event()));
  });

  it('a moved booking keeps its uid with a higher sequence and the new times', () => {
    const first = parse(interviewCalendar(event())).event;
    const moved = parse(
      interviewCalendar(
        event({
          sequence: 1,
          startsAt: '2025-07-17T06:00:00+07:00',
          endsAt: '2025-07-17T06:45:00+07:00',
          stampAt: '2025-07-10T01:00:00Z',
        }),
      ),
    ).event;
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBeGreaterThan(first.sequence);
    expect(moved.startDate.toJSDate().toISOString()).toBe('2025-07-16T23:00:00.000Z');
    expect(moved.endDate.toJSDate().toISOString()).toBe('2025-07-16T23:45:00.000Z');
  });

  it('a cancellation reads back as METHOD CANCEL with STATUS CANCELLED, the same uid, and no alarms left', () => {
    const text = interviewCalendar(event({ method: 'CANCEL', sequence: 2 }));
    const { calendar, vevent, event: parsed } = parse(text);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(parsed.uid).toBe('booking-7f3a@tahap');
    expect(parsed.sequence).toBe(2);
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(0);
    expect(CALENDAR_CONTENT_TYPE('CANCEL')).toBe('text/calendar; charset=utf-8; method=CANCEL');
  });

  it('omits LOCATION and URL when there is no meeting link, and CN when a name is empty', () => {
    const text = interviewCalendar(
      event({ location: undefined, url: undefined, attendees: [{ name: ' ', email: 'x@example.id' }] }),
    );
    expect(text).not.toMatch(/^(LOCATION|URL)[:;]/m);
    expect(text).toContain('\r\nATTENDEE;ROLE=REQ-PARTICIPANT;');
    expect(parse(text).event.location).toBeNull();
  });

  it('refuses instants without a zone, an end before the start, and a negative sequence or alarm', () => {
    expect(() => interviewCalendar(event({ startsAt: '2025-07-16T09:00:00' }))).toThrow(/ISO instant/);
    expect(() => interviewCalendar(event({ endsAt: '2025-07-16T02:00:00Z' }))).toThrow(/end after it starts/);
    expect(() => interviewCalendar(event({ sequence: -1 }))).toThrow(/sequence/);
    expect(() => interviewCalendar(event({ alarmsMinutesBefore: [-5] }))).toThrow(/alarm/);
  });

  it('the line check itself catches an unfolded line (negative control)', () => {
    expect(longestLine(`DESCRIPTION:${'x'.repeat(64)}\r\n`)).toBe(76);
  });
});
