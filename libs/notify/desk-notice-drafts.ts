import {
  deskAssignedNotice,
  deskReassignedNotice,
  deskReminderNotice,
  evaluatorInvitedNotice,
  formatInZone,
  nominationGainedNotice,
  nominationLostNotice,
  objectionConfirmationNotice,
  objectionResolvedNotice,
  objectionUnresolvedNotice,
} from '../../libs/domain';
import {
  evaluatorRecipients,
  reassignedRecipients,
  remindedEvaluators,
  type EvaluatorRecipientRow,
} from '../../libs/persistence/desk';
import {
  explanationsInLatestSelection,
  objectionOrFail,
  objectionsNamed,
  objectionStageOrFail,
  unresolvedObjectionIds,
  stageRowOrFail,
} from '../../libs/persistence/selection';
import type { Db } from '../../libs/persistence/shared';
import type { NoticeDraft } from './notice-drafts';
import { existingAgency } from '../persistence/agencies/agency-directory';
import { entriesWithIds, existingEntry } from '../persistence/entries';

export type DeskNoticeEvent =
  | { kind: 'evaluator-invited'; cycleId: string; userIds: string[] }
  | { kind: 'desk-assigned'; cycleId: string; stageKey: string }
  | { kind: 'desk-reminder'; cycleId: string; stageKey: string; hoursBefore: number }
  | { kind: 'desk-reassigned'; cycleId: string; stageKey: string; assignmentIds: string[] }
  /** Sent by the API when an objection is filed; `link` confirms it (it never passes through a workflow). */
  | { kind: 'objection-confirmation'; cycleId: string; objectionId: string; link: string }
  | { kind: 'objection-resolved'; cycleId: string; objectionId: string; entered: string[]; left: string[] }
  /** Without ids: every unresolved objection of the cycle (a cycle of an older release passed their ids). */
  | { kind: 'objections-unresolved'; cycleId: string; objectionIds?: string[] };

const person = (row: Pick<EvaluatorRecipientRow, 'email' | 'language' | 'user_id'>) => ({
  person: { email: row.email, language: row.language, userId: row.user_id },
});

/** Notices of desk evaluation and of uji publik: to evaluators, objectors, and the agencies concerned. */
export async function deskNoticeDrafts(db: Db, event: DeskNoticeEvent): Promise<NoticeDraft[]> {
  switch (event.kind) {
    case 'evaluator-invited': {
      const rows = (await evaluatorRecipients(db, event.cycleId, null)).filter((row) =>
        event.userIds.includes(row.user_id),
      );
      return rows.map((row) => ({
        kind: event.kind,
        key: `${event.cycleId}/evaluator-invited/${row.user_id}`,
        recipient: person(row),
        text: evaluatorInvitedNotice(row.language, { cycleId: event.cycleId, affiliations: row.affiliations }),
      }));
    }
    case 'desk-assigned':
    case 'desk-reminder': {
      const stage = await stageRowOrFail(db, event.cycleId, event.stageKey);
      const reminder = event.kind === 'desk-reminder';
      let rows = await evaluatorRecipients(db, event.cycleId, event.stageKey, reminder);
      if (reminder) {
        const ids = await remindedEvaluators(db, event.cycleId, event.stageKey, event.hoursBefore);
        rows = rows.filter((row) => ids.has(row.user_id));
      }
      return rows
        .filter((row) => row.entries > 0 || reminder)
        .map((row) => {
          const facts = {
            cycleId: event.cycleId,
            stageName: stage.name,
            closesAtLocal: formatInZone(stage.closesAt, row.zone),
          };
          return {
            kind: event.kind,
            key: reminder
              ? `${event.cycleId}/desk-reminder/${event.stageKey}/${event.hoursBefore}h/${row.user_id}`
              : `${event.cycleId}/desk-assigned/${event.stageKey}/${row.user_id}`,
            recipient: person(row),
            text: reminder
              ? deskReminderNotice(row.language, { ...facts, missing: Math.max(row.entries, 1) })
              : deskAssignedNotice(row.language, { ...facts, entries: row.entries }),
          };
        });
    }
    case 'desk-reassigned': {
      const rows = await reassignedRecipients(db, event.assignmentIds);
      return rows.map((row) => ({
        kind: event.kind,
        key: `${event.cycleId}/desk-reassigned/${row.assignment_id}`,
        recipient: person(row),
        text: deskReassignedNotice(row.language, {
          cycleId: event.cycleId,
          title: row.title,
          dueLocal: formatInZone(row.due_at ?? row.closes_at, row.zone),
        }),
      }));
    }
    case 'objections-unresolved': {
      const objections = await objectionsNamed(
        db,
        event.objectionIds ?? (await unresolvedObjectionIds(db, event.cycleId)),
      );
      const titles = new Map(
        (await entriesWithIds(db, [...new Set(objections.map((objection) => objection.entryId))])).map((entry) => [
          entry.id,
          entry.title,
        ]),
      );
      return objections.map((objection) => ({
        kind: event.kind,
        key: `${event.cycleId}/objection/${objection.id}`,
        recipient: { person: { email: objection.contactEmail, language: objection.language, userId: null } },
        text: objectionUnresolvedNotice(objection.language, {
          cycleId: event.cycleId,
          title: titles.get(objection.entryId) ?? '',
        }),
      }));
    }
    case 'objection-confirmation': {
      const objection = await objectionOrFail(db, event.objectionId);
      const [entry, stage] = await Promise.all([
        existingEntry(db, objection.entryId),
        objectionStageOrFail(db, event.cycleId),
      ]);
      return [
        {
          kind: event.kind,
          key: `${event.cycleId}/objection/${objection.id}/confirmation`,
          recipient: { person: { email: objection.contactEmail, language: objection.language, userId: null } },
          text: objectionConfirmationNotice(objection.language, {
            cycleId: event.cycleId,
            title: entry.title,
            link: event.link,
            closesAtLocal: formatInZone(stage.closesAt, stage.zone),
          }),
        },
      ];
    }
    case 'objection-resolved': {
      const objection = await objectionOrFail(db, event.objectionId);
      const upheld = objection.status === 'upheld';
      const entry = await existingEntry(db, objection.entryId);
      const agency = await existingAgency(db, entry.agencyCode);
      const facts = { cycleId: event.cycleId, title: entry.title, upheld, reason: objection.resolutionReason ?? '' };
      const key = `${event.cycleId}/objection/${objection.id}`;
      const drafts: NoticeDraft[] = [
        {
          kind: event.kind,
          key,
          recipient: { person: { email: objection.contactEmail, language: objection.language, userId: null } },
          text: objectionResolvedNotice(objection.language, { ...facts, audience: 'objector' }),
        },
        {
          kind: event.kind,
          key,
          recipient: { agency },
          text: objectionResolvedNotice(agency.language, { ...facts, audience: 'agency' }),
        },
      ];
      for (const entered of await entriesWithIds(db, event.entered)) {
        const enteredAgency = await existingAgency(db, entered.agencyCode);
        drafts.push({
          kind: event.kind,
          key: `${key}/entered/${entered.id}`,
          recipient: { agency: enteredAgency },
          text: nominationGainedNotice(enteredAgency.language, { cycleId: event.cycleId, title: entered.title }),
        });
      }
      const why = await explanationsInLatestSelection(db, event.cycleId, event.left);
      for (const left of await entriesWithIds(db, event.left)) {
        const leftAgency = await existingAgency(db, left.agencyCode);
        drafts.push({
          kind: event.kind,
          key: `${key}/left/${left.id}`,
          recipient: { agency: leftAgency },
          text: nominationLostNotice(leftAgency.language, {
            cycleId: event.cycleId,
            title: left.title,
            explanation: why.get(left.id) ?? '',
          }),
        });
      }
      return drafts;
    }
  }
}
