import ICAL from 'ical.js';

export interface ParsedCalendar {
  method: string;
  uid: string;
  sequence: number;
  status: string;
  /** ISO instants in UTC, with milliseconds: `2025-07-16T02:00:00.000Z`. */
  startsAt: string;
  endsAt: string;
  summary: string;
  description: string;
  location?: string;
  /** Each VALARM's TRIGGER as ical.js writes a duration back: `-P1D`, `-PT1H`, `-PT1H30M`. */
  alarms: string[];
}

/**
 * Reads an invitation taken out of an e-mail with ical.js, a parser independent of the writer in
 * libs/domain/interview, so a test sees what a calendar client would see. Throws unless there is exactly one VEVENT.
 */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent');
  if (vevents.length !== 1) throw new Error(`expected one VEVENT in the invitation, found ${vevents.length}`);
  const vevent = vevents[0];
  const event = new ICAL.Event(vevent);
  const location = event.location;
  return {
    method: String(calendar.getFirstPropertyValue('method') ?? ''),
    uid: event.uid,
    sequence: event.sequence,
    status: String(vevent.getFirstPropertyValue('status') ?? ''),
    startsAt: event.startDate.toJSDate().toISOString(),
    endsAt: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    description: event.description,
    ...(location === null || location === undefined ? {} : { location }),
    alarms: vevent.getAllSubcomponents('valarm').map((alarm) => String(alarm.getFirstPropertyValue('trigger'))),
  };
}
