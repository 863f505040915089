import type { DataSource } from 'typeorm';
import {
  CALENDAR_CONTENT_TYPE,
  formatInZone,
  interviewCalendar,
  interviewConfirmReminderNotice,
  interviewInvitationNotice,
  interviewNoShowNotice,
  interviewParams,
  interviewReleasedNotice,
  interviewReminderNotice,
  panelScheduleNotice,
  type CalendarMethod,
} from '../../libs/domain';
import { AgencyEntity, CycleEntity, EntryEntity } from '../../libs/persistence';
import { BY_ENGINE } from '../interview/interview-stage.activities';
import { bookingById, bookingsWhere, type BookingRow } from '../interview/interview-data';
import type { NoticeDraft } from './notice-drafts';

/** Interview events agencies and panelists hear of. */
export type InterviewNoticeEvent =
  | { kind: 'interview-invited'; cycleId: string; stageKey: string }
  | { kind: 'interview-panel-schedule'; cycleId: string; stageKey: string }
  | { kind: 'interview-booking-changed'; cycleId: string; bookingId: string; sequence: number }
  | { kind: 'interview-confirm-reminder'; cycleId: string; bookingId: string; sequence: number }
  | { kind: 'interview-reminder'; cycleId: string; bookingId: string; sequence: number; hoursBefore: number }
  | { kind: 'interview-no-show'; cycleId: string; bookingId: string };

/** Who invitations come from. Calendar clients show it as the organiser; replies are not read. */
const ORGANIZER = { name: 'Sekretariat Kompetisi Inovasi Pelayanan Publik', email: 'sekretariat@tahap.local' };

/** Calendar alarms: H-1 day and H-1 hour, as the engine's own reminders. */
const ALARMS_MINUTES_BEFORE = [24 * 60, 60];

export async function interviewNoticeDrafts(
  dataSource: DataSource,
  event: InterviewNoticeEvent,
): Promise<NoticeDraft[]> {
  const db = dataSource.manager;
  if (event.kind === 'interview-panel-schedule') return panelDrafts(dataSource, event);
  const bookings =
    event.kind === 'interview-invited'
      ? // The first invitation goes only to bookings not changed meanwhile: a move sends its own.
        await bookingsWhere(db, 'b.cycle_id = $1 AND b.stage_key = $2 AND b.sequence = 0 AND b.released_at IS NULL', [
          event.cycleId,
          event.stageKey,
        ])
      : [await bookingById(db, event.bookingId)];
  const cycle = await db.getRepository(CycleEntity).findOneByOrFail({ id: event.cycleId });
  const drafts: NoticeDraft[] = [];
  for (const booking of bookings) {
    if ('sequence' in event && booking.sequence !== event.sequence && event.kind !== 'interview-booking-changed') {
      continue; // a reminder for a version of the booking that has since moved
    }
    const facts = await factsOf(dataSource, cycle, booking);
    const { agency, language } = facts;
    const key = `${event.cycleId}/interview/${booking.bookingId}/${booking.sequence}`;
    const base = { kind: event.kind, recipient: { agency } } as const;
    switch (event.kind) {
      case 'interview-invited':
      case 'interview-booking-changed':
        if (booking.releasedAt) {
          drafts.push({
            ...base,
            key,
            text: interviewReleasedNotice(language, { ...facts, reason: booking.releasedReason ?? '' }),
            attachment: await calendarOf(dataSource, booking, facts, 'CANCEL'),
          });
        } else {
          const change = booking.sequence > 0 ? 'moved' : booking.bookedBy === BY_ENGINE ? 'invited' : 'booked';
          drafts.push({
            ...base,
            key,
            text: interviewInvitationNotice(language, { ...facts, change, confirmed: booking.confirmedAt !== null }),
            attachment: await calendarOf(dataSource, booking, facts, 'REQUEST'),
          });
        }
        break;
      case 'interview-confirm-reminder':
        drafts.push({ ...base, key: `${key}/confirm-reminder`, text: interviewConfirmReminderNotice(language, facts) });
        break;
      case 'interview-reminder':
        drafts.push({
          ...base,
          key: `${key}/remind-${event.hoursBefore}`,
          text: interviewReminderNotice(language, { ...facts, hoursBefore: event.hoursBefore }),
        });
        break;
      case 'interview-no-show': {
        const params = interviewParams(cycle.resolvedTemplate.stages.find((s) => s.key === booking.stageKey)!.params);
        drafts.push({
          ...base,
          key: `${event.cycleId}/interview/${booking.bookingId}/no-show`,
          text: interviewNoShowNotice(language, {
            ...facts,
            graceMinutes: params.noShowGraceMinutes,
            eliminates: params.noShow === 'eliminate',
          }),
        });
        break;
      }
    }
  }
  return drafts;
}

/** What every interview notice says of a booking, in the agency's language and zone. */
async function factsOf(dataSource: DataSource, cycle: CycleEntity, booking: BookingRow) {
  const entry = await dataSource.getRepository(EntryEntity).findOneByOrFail({ id: booking.entryId });
  const agency = await dataSource.getRepository(AgencyEntity).findOneByOrFail({ code: entry.agencyCode });
  const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === booking.stageKey)!;
  const { confirmHoursBefore } = interviewParams(stage.params);
  const startsAt = new Date(booking.startsAt);
  return {
    agency,
    entry,
    language: agency.language,
    cycleId: cycle.id,
    title: entry.title,
    startsAtLocal: formatInZone(startsAt, agency.zone),
    panelName: booking.panelName,
    meetingUrl: booking.meetingUrl,
    cutOffLocal: formatInZone(new Date(startsAt.getTime() - confirmHoursBefore * 3_600_000), agency.zone),
  };
}

/** The invitation's calendar file: one UID per booking, SEQUENCE as the booking's, stamped when that version was made. */
async function calendarOf(
  dataSource: DataSource,
  booking: BookingRow,
  facts: Awaited<ReturnType<typeof factsOf>>,
  method: CalendarMethod,
): Promise<NoticeDraft['attachment']> {
  const [made] = await dataSource.query<{ at: Date | null }[]>(
    `SELECT max(at) AS at FROM interview_booking_events WHERE booking_id = $1 AND sequence <= $2`,
    [booking.bookingId, booking.sequence],
  );
  const english = facts.language === 'en';
  const content = interviewCalendar({
    uid: `${booking.bookingId}@tahap`,
    sequence: booking.sequence,
    method,
    startsAt: new Date(booking.startsAt).toISOString(),
    endsAt: new Date(booking.endsAt).toISOString(),
    stampAt: new Date(made.at ?? booking.createdAt).toISOString(),
    summary: `${english ? 'Interview' : 'Presentasi dan wawancara'}: ${facts.title} (${facts.cycleId})`,
    description: `${facts.title} — ${facts.agency.name}\n${facts.panelName}, ${facts.startsAtLocal}\n${
      english ? 'Confirm or move by' : 'Konfirmasi atau pindah jadwal paling lambat'
    } ${facts.cutOffLocal}.`,
    ...(booking.meetingUrl ? { location: booking.meetingUrl, url: booking.meetingUrl } : {}),
    organizer: ORGANIZER,
    attendees: facts.agency.contacts.map((contact) => ({ name: contact.name, email: contact.email })),
    alarmsMinutesBefore: ALARMS_MINUTES_BEFORE,
  });
  return { filename: 'wawancara.ics', contentType: CALENDAR_CONTENT_TYPE(method), content };
}

/** Each panelist: how many interviews their panel has and when the first is, in WIB (the ministry's zone). */
async function panelDrafts(
  dataSource: DataSource,
  event: { kind: 'interview-panel-schedule'; cycleId: string; stageKey: string },
) {
  const rows = await dataSource.query<
    {
      user_id: string;
      email: string;
      panel_name: string;
      meeting_url: string;
      interviews: number;
      first: Date | null;
    }[]
  >(
    `SELECT pp.user_id, u.email, p.name AS panel_name, p.meeting_url,
            count(b.id)::int AS interviews, min(s.starts_at) FILTER (WHERE b.id IS NOT NULL) AS first
       FROM interview_panelists pp
       JOIN users u ON u.id = pp.user_id
       JOIN interview_panels p ON p.cycle_id = pp.cycle_id AND p.stage_key = pp.stage_key AND p.panel_key = pp.panel_key
       LEFT JOIN interview_slots s ON s.cycle_id = p.cycle_id AND s.stage_key = p.stage_key AND s.panel_key = p.panel_key
       LEFT JOIN interview_bookings b ON b.slot_id = s.id AND b.released_at IS NULL
      WHERE pp.cycle_id = $1 AND pp.stage_key = $2
      GROUP BY pp.user_id, u.email, p.name, p.meeting_url
      ORDER BY pp.user_id`,
    [event.cycleId, event.stageKey],
  );
  return rows
    .filter((row) => row.interviews > 0)
    .map((row): NoticeDraft => ({
      kind: event.kind,
      key: `${event.cycleId}/interview/${event.stageKey}/panel`,
      recipient: { person: { email: row.email, language: 'id', userId: row.user_id } },
      text: panelScheduleNotice('id', {
        cycleId: event.cycleId,
        panelName: row.panel_name,
        interviews: row.interviews,
        firstLocal: formatInZone(new Date(row.first!), 'WIB'),
        meetingUrl: row.meeting_url,
      }),
    }));
}
