/**
 * RFC 5545 iCalendar text for interview invitations sent as iTIP (RFC 5546) REQUEST and CANCEL messages.
 * Pure and deterministic: the same booking version gives the same bytes, so a retried e-mail activity
 * sends the same invitation and calendar clients treat it as the same version.
 */

export interface CalendarPerson {
  name: string;
  email: string;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface InterviewCalendarEvent {
  /** Stable per booking, e.g. `${bookingId}@tahap`: clients match later versions and the cancellation by it. */
  uid: string;
  /** 0 for the first invitation, raised on every move and on cancellation; clients ignore a lower one. */
  sequence: number;
  method: CalendarMethod;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  /** DTSTAMP: the moment of this version, given rather than read from a clock so the output is deterministic. */
  stampAt: string;
  summary: string;
  description: string;
  /** Meeting link. */
  location?: string;
  url?: string;
  organizer: CalendarPerson;
  attendees: CalendarPerson[];
  /** One display alarm per entry, minutes before the start, e.g. [1440, 60]. */
  alarmsMinutesBefore: number[];
}

export const CALENDAR_CONTENT_TYPE = (method: CalendarMethod): string =>
  `text/calendar; charset=utf-8; method=${method}`;

const PRODID = '-//Tahap//Interview Scheduling//ID';
const CRLF = '\r\n';
// RFC 5545 §3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break.
const MAX_LINE_OCTETS = 75;
const MINUTES_PER_DAY = 1440;

/** The whole VCALENDAR object, CRLF-terminated lines folded at 75 UTF-8 octets. */
export function interviewCalendar(event: InterviewCalendarEvent): string {
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new Error(`the sequence must be a whole number of at least 0, not ${event.sequence}`);
  }
  const startsAt = utcDateTime(event.startsAt, 'startsAt');
  const endsAt = utcDateTime(event.endsAt, 'endsAt');
  // RFC 5545 §3.6.1: DTEND must be later than DTSTART.
  if (!(endsAt > startsAt))
    throw new Error(`the interview must end after it starts: ${event.startsAt}–${event.endsAt}`);

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcDateTime(event.stampAt, 'stampAt')}`,
    `DTSTART:${startsAt}`,
    `DTEND:${endsAt}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.location === undefined ? [] : [`LOCATION:${escapeText(event.location)}`]),
    ...(event.url === undefined ? [] : [`URL:${uriValue(event.url)}`]),
    `ORGANIZER${cnParam(event.organizer.name)}:${mailto(event.organizer.email)}`,
    ...event.attendees.map(
      (attendee) =>
        `ATTENDEE${cnParam(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(attendee.email)}`,
    ),
    `STATUS:${event.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    // RFC 5546 §3.2.5: a CANCEL carries no VALARM; the client drops the event and its reminders with it.
    ...(event.method === 'CANCEL' ? [] : alarms(event.alarmsMinutesBefore, event.summary)),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('');
}

function alarms(minutesBefore: number[], summary: string): string[] {
  const distinct = [...new Set(minutesBefore)];
  return distinct.flatMap((minutes) => [
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER:${triggerBefore(minutes)}`,
    // RFC 5545 §3.6.6: a DISPLAY alarm must have a DESCRIPTION, the text the client shows.
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
  ]);
}

/** A negative dur-value (RFC 5545 §3.3.6) relative to DTSTART: 1440 → -P1D, 60 → -PT1H, 90 → -PT1H30M. */
function triggerBefore(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0) {
    throw new Error(`an alarm must be a whole number of minutes before the start, not ${minutes}`);
  }
  if (minutes === 0) return 'PT0M';
  const days = Math.floor(minutes / MINUTES_PER_DAY);
  const hours = Math.floor((minutes % MINUTES_PER_DAY) / 60);
  const rest = minutes % 60;
  const time = hours > 0 || rest > 0 ? `T${hours > 0 ? `${hours}H` : ''}${rest > 0 ? `${rest}M` : ''}` : '';
  return `-P${days > 0 ? `${days}D` : ''}${time}`;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** RFC 5545 §3.3.5 form #2, UTC: YYYYMMDDTHHMMSSZ. Sub-second parts are dropped. */
function utcDateTime(iso: string, field: string): string {
  // An explicit offset is required: Date.parse reads a time without one in the machine's zone, which would make
  // the bytes depend on where the worker runs.
  const millis = ISO_INSTANT.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(millis)) throw new Error(`${field} is not an ISO instant with Z or an offset: ${iso}`);
  const text = new Date(millis).toISOString();
  if (!/^\d{4}-/.test(text)) throw new Error(`${field} is outside the years 0000–9999: ${iso}`);
  return `${text.slice(0, 4)}${text.slice(5, 7)}${text.slice(8, 10)}T${text.slice(11, 13)}${text.slice(14, 16)}${text.slice(17, 19)}Z`;
}

// RFC 5545 §3.1: CONTROL characters other than HTAB are not allowed in a value; line breaks are handled apart.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; every line break becomes \n. */
function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,\n]/g, (char) => (char === '\n' ? '\\n' : `\\${char}`));
}

/** URI values (RFC 5545 §3.3.13) are not TEXT-escaped; only characters that would break the content line go. */
function uriValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f]/g, '');
}

function mailto(email: string): string {
  return `mailto:${uriValue(email)}`;
}

/**
 * RFC 5545 §3.1 param-value: a DQUOTE can appear nowhere, so it is dropped; a value with `:`, `;` or `,`
 * must be a quoted-string. An empty name gives no CN at all.
 */
function cnParam(name: string): string {
  const value = name
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(/"/g, '')
    .trim();
  if (value === '') return '';
  return /[:;,]/.test(value) ? `;CN="${value}"` : `;CN=${value}`;
}

/**
 * RFC 5545 §3.1 folding: at most 75 octets per physical line in UTF-8, continuation lines start with one space
 * (which counts), and a break never falls inside a character's bytes.
 */
function fold(line: string): string {
  let out = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out + CRLF;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  // A lone surrogate is written as U+FFFD, three octets.
  if (codePoint < 0x10000) return 3;
  return 4;
}
