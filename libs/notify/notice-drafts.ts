// The event-specific drafters still live in activities/notify; the API reaches them only through this module.
import { deskNoticeDrafts, type DeskNoticeEvent } from './desk-notice-drafts';
import { fieldVisitNoticeDrafts, type FieldVisitNoticeEvent } from './field-visit-notice-drafts';
import { interviewNoticeDrafts, type InterviewNoticeEvent } from './interview-notice-drafts';
import { resultNoticeDrafts, type ResultNoticeEvent } from './result-notice-drafts';
import {
  deadlineExtendedNotice,
  draftReminderNotice,
  formatInZone,
  screeningOutcomeNotice,
  type Language,
  type NoticeText,
} from '../domain';
import type { AgencyEntity, Db } from '../persistence';
import { agenciesWithUnsubmittedDrafts } from '../persistence/drafts';
import { agenciesToTell, noticeStageOrFail, screeningDecisionsToTell } from '../persistence/notify';

/** What happened, as the workflow that saw it tells the notify activity. */
export type NoticeEvent =
  | { kind: 'stage-deadline-extended'; cycleId: string; stageKey: string; closesAt: string; reason: string }
  | { kind: 'screening-outcome'; cycleId: string; stageKey: string }
  | { kind: 'draft-reminder'; cycleId: string; closesAt: string; hoursBefore: number }
  | DeskNoticeEvent
  | InterviewNoticeEvent
  | FieldVisitNoticeEvent
  | ResultNoticeEvent;

/** A person told something who is not an agency: an evaluator, an objector. */
export interface PersonRecipient {
  email: string;
  language: Language;
  /** Their account, whose in-app inbox shows the notice; null for someone without one (an objector). */
  userId: string | null;
}

/** Exactly one of the two. */
export type NoticeRecipient = { agency: AgencyEntity; person?: never } | { person: PersonRecipient; agency?: never };

/** Who a notice or a draft is for, as one text: the agency code, or the person's e-mail address. */
export function recipientOf(target: NoticeRecipient | { agencyCode: string | null; recipientEmail: string | null }) {
  if ('agencyCode' in target) return target.agencyCode ?? target.recipientEmail!;
  return target.agency?.code ?? target.person!.email;
}

export interface NoticeDraft {
  kind: NoticeEvent['kind'];
  /** Workflow id plus event: the same event always has the same key, so it is written and delivered once. */
  key: string;
  recipient: NoticeRecipient;
  text: NoticeText;
  /** A file sent with the notice on every channel: an interview's iCalendar invitation. */
  attachment?: NoticeAttachment;
}

export interface NoticeAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/** Who must hear of an event, and what each is told: in the agency's language, every instant in its zone. */
export async function noticeDrafts(db: Db, event: NoticeEvent): Promise<NoticeDraft[]> {
  switch (event.kind) {
    case 'evaluator-invited':
    case 'desk-assigned':
    case 'desk-reminder':
    case 'desk-reassigned':
    case 'objection-confirmation':
    case 'objection-resolved':
    case 'objections-unresolved':
      return deskNoticeDrafts(db, event);
    case 'interview-invited':
    case 'interview-panel-schedule':
    case 'interview-booking-changed':
    case 'interview-confirm-reminder':
    case 'interview-reminder':
    case 'interview-no-show':
      return interviewNoticeDrafts(db, event);
    case 'field-visit-planned':
      return fieldVisitNoticeDrafts(db, event);
    case 'results-announced':
    case 'results-corrected':
      return resultNoticeDrafts(db, event);
    case 'stage-deadline-extended': {
      const stage = await noticeStageOrFail(db, event.cycleId, event.stageKey);
      // While submission is open any agency may still register; later only those with entries in the cycle.
      const agencies = await agenciesToTell(db, stage.type !== 'submission' ? event.cycleId : undefined);
      const closesAt = new Date(event.closesAt);
      return agencies.map((agency) => ({
        kind: event.kind,
        key: `${event.cycleId}/deadline/${event.stageKey}/${closesAt.toISOString()}`,
        recipient: { agency },
        text: deadlineExtendedNotice(agency.language, {
          cycleId: event.cycleId,
          stageName: stage.name,
          closesAtLocal: formatInZone(closesAt, agency.zone),
          reason: event.reason,
        }),
      }));
    }
    case 'draft-reminder': {
      const closesAt = new Date(event.closesAt);
      return (await agenciesWithUnsubmittedDrafts(db, event.cycleId)).map(({ agency, titles }) => ({
        kind: event.kind,
        // The deadline is in the key: after an extension the same offset reminds again, of the new deadline.
        key: `${event.cycleId}/draft-reminder/${closesAt.toISOString()}/${event.hoursBefore}/${agency.code}`,
        recipient: { agency },
        text: draftReminderNotice(agency.language, {
          cycleId: event.cycleId,
          titles,
          closesAtLocal: formatInZone(closesAt, agency.zone),
        }),
      }));
    }
    case 'screening-outcome': {
      const rows = await screeningDecisionsToTell(db, event.cycleId);
      return rows.map((row) => ({
        kind: event.kind,
        key: `${event.cycleId}/screening/${row.entryId}`,
        recipient: { agency: row.agency },
        text: screeningOutcomeNotice(row.agency.language, {
          cycleId: event.cycleId,
          title: row.entry.title,
          passed: row.outcome === 'pass',
          reason: row.reason,
        }),
      }));
    }
  }
}
