import {
  CALENDAR_CONTENT_TYPE,
  formatInZone,
  interviewCalendar,
  interviewCutOff,
  interviewConfirmReminderNotice,
  interviewInvitationNotice,
  interviewNoShowNotice,
  interviewParams,
  interviewReleasedNotice,
  interviewReminderNotice,
  panelScheduleNotice,
  type CalendarMethod,
} from '../../libs/domain';
import type { CycleEntity } from '../../libs/persistence';
import {
  bookerRole,
  bookingById,
  bookingVersionMadeAt,
  BY_ENGINE,
  entryWithAgency,
  panelistSchedules,
  unchangedAllocatedBookings,
  type BookingRow,
} from '../../libs/persistence/interview';
import { cycleOrNotFound, type Db } from '../../libs/persistence/shared';
import type { NoticeAttachment, NoticeDraft } from './notice-drafts';

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

export async function interviewNoticeDrafts(db: Db, event: InterviewNoticeEvent): Promise<NoticeDraft[]> {
  if (event.kind === 'interview-panel-schedule') return panelDrafts(db, event);
  const bookings =
    event.kind === 'interview-invited'
      ? // The first invitation goes only to bookings not changed meanwhile: a move sends its own.
        await unchangedAllocatedBookings(db, event.cycleId, event.stageKey)
      : [await bookingById(db, event.bookingId)];
  const cycle = await cycleOrNotFound(db, event.cycleId);
  const drafts: NoticeDraft[] = [];
  for (const booking of bookings) {
    if ('sequence' in event && booking.sequence !== event.sequence && event.kind !== 'interview-booking-changed') {
      continue; // a reminder for a version of the booking that has since moved
    }
    const facts = await factsOf(db, cycle, booking);
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
            attachment: await calendarOf(db, booking, facts, 'CANCEL'),
          });
        } else {
          const change = booking.sequence > 0 ? 'moved' : booking.bookedBy === BY_ENGINE ? 'invited' : 'booked';
          // A move by the agency confirms the slot it chose; the notice says so rather than a bare "confirmed".
          const chosenByAgency = change === 'moved' && (await bookerRole(db, booking.bookedBy)) === 'agency';
          drafts.push({
            ...base,
            key,
            text: interviewInvitationNotice(language, {
              ...facts,
              change,
              confirmed: booking.confirmedAt !== null,
              chosenByAgency,
            }),
            attachment: await calendarOf(db, booking, facts, 'REQUEST'),
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
async function factsOf(db: Db, cycle: CycleEntity, booking: BookingRow) {
  const { entry, agency } = await entryWithAgency(db, booking.entryId);
  const stage = cycle.resolvedTemplate.stages.find((candidate) => candidate.key === booking.stageKey)!;
  const params = interviewParams(stage.params);
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
    cutOffLocal: formatInZone(interviewCutOff(startsAt, params), agency.zone),
  };
}

/** The calendar file of a booking as it stands, the same bytes its latest invitation carried. */
export async function bookingCalendarFile(db: Db, bookingId: string): Promise<NoticeAttachment> {
  const booking = await bookingById(db, bookingId);
  const facts = await factsOf(db, await cycleOrNotFound(db, booking.cycleId), booking);
  return calendarOf(db, booking, facts, 'REQUEST');
}

/** The invitation's calendar file: one UID per booking, SEQUENCE as the booking's, stamped when that version was made. */
async function calendarOf(
  db: Db,
  booking: BookingRow,
  facts: Awaited<ReturnType<typeof factsOf>>,
  method: CalendarMethod,
): Promise<NoticeAttachment> {
  const madeAt = await bookingVersionMadeAt(db, booking.bookingId, booking.sequence);
  const english = facts.language === 'en';
  const content = interviewCalendar({
    uid: `${booking.bookingId}@tahap`,
    sequence: booking.sequence,
    method,
    startsAt: new Date(booking.startsAt).toISOString(),
    endsAt: new Date(booking.endsAt).toISOString(),
    stampAt: new Date(madeAt ?? booking.createdAt).toISOString(),
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
async function panelDrafts(db: Db, event: { kind: 'interview-panel-schedule'; cycleId: string; stageKey: string }) {
  const rows = await panelistSchedules(db, event.cycleId, event.stageKey);
  return rows
    .filter((row) => row.interviews > 0)
    .map((row): NoticeDraft => ({
      kind: event.kind,
      key: `${event.cycleId}/interview/${event.stageKey}/panel`,
      recipient: { person: { email: row.email, language: 'id', userId: row.userId } },
      text: panelScheduleNotice('id', {
        cycleId: event.cycleId,
        panelName: row.panelName,
        interviews: row.interviews,
        firstLocal: formatInZone(new Date(row.first!), 'WIB'),
        meetingUrl: row.meetingUrl,
      }),
    }));
}
