import { simpleParser } from 'mailparser';
import {
  instantToLocal,
  PKRI_2024,
  ZONE_OFFSET_HOURS,
  type CompetitionTemplate,
  type StageParams,
  type Zone,
} from '../../libs/domain';
import { eventually, type Stack } from '../support/stack';

export const SUBMISSION = 'pendaftaran';
export const INTERVIEW = 'wawancara';

/**
 * PKRI 2024's submission stage for `submissionSeconds` from now, then its interview stage over the given instants
 * (written in `zone`, to the second) with the given parameters.
 */
export function interviewTemplate(
  year: number,
  submissionSeconds: number,
  interview: { opensAt: Date; closesAt: Date; zone: Zone; params: StageParams },
): CompetitionTemplate {
  const pick = (key: string) => PKRI_2024.stages.find((stage) => stage.key === key)!;
  const now = Math.floor(Date.now() / 1000) * 1000;
  const local = (instant: Date | number, zone: Zone) => instantToLocal(new Date(instant), zone);
  return {
    ...PKRI_2024,
    key: `interview-test-${year}`,
    year,
    stages: [
      {
        ...pick(SUBMISSION),
        window: { opens: local(now, 'WIB'), closes: local(now + submissionSeconds * 1000, 'WIB'), zone: 'WIB' },
      },
      {
        ...pick(INTERVIEW),
        window: {
          opens: local(interview.opensAt, interview.zone),
          closes: local(interview.closesAt, interview.zone),
          zone: interview.zone,
        },
        params: interview.params,
      },
    ],
  };
}

/** Local `HH:mm` of an instant in a zone, computed here independently of the code under test. */
export function localClock(instant: string, zone: Zone): { date: string; time: string } {
  const shifted = new Date(Date.parse(instant) + ZONE_OFFSET_HOURS[zone] * 3_600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The calendar file attached to the e-mail a notice was delivered as, read back from the SMTP sink. */
export async function mailedCalendar(stack: Stack, noticeKey: string): Promise<string> {
  const bookingId = noticeKey.split('/')[2];
  const mail = await eventually(`the e-mail of ${noticeKey}`, async () => {
    const rows = await stack.db.query<{ raw: string }[]>(
      `SELECT raw FROM mail_sink_messages WHERE raw LIKE $1 ORDER BY id`,
      [`%${bookingId}%`],
    );
    for (const { raw } of rows) {
      const parsed = await simpleParser(raw);
      if (parsed.headers.get('x-tahap-notice') === noticeKey) return parsed;
    }
    return undefined;
  });
  const calendar = mail.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar'));
  if (!calendar) throw new Error(`the e-mail of ${noticeKey} carries no calendar`);
  return calendar.content.toString('utf8');
}

export interface ScheduleBody {
  slots: number;
  free: number;
  bookings: {
    bookingId: string;
    entryId: string;
    slotId: string;
    panelKey: string;
    startsAt: string;
    endsAt: string;
    sequence: number;
  }[];
  unplaced: { entryId: string; reason: string }[];
}

export async function schedule(stack: Stack, cycleId: string): Promise<ScheduleBody> {
  const { status, body } = await stack.request('GET', `/cycles/${cycleId}/interview-schedule`);
  if (status !== 200) throw new Error(`schedule answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Fails with the answer's body, so a wrong status says why. */
export function expectStatus(answer: { status: number; body: unknown }, status: number): void {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
}
