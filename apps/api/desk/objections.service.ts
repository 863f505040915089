import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode, formatInZone, selectionStageFor, type Principal } from '../../../libs/domain';
import { DB, TAHAP_CONFIG, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { existingEntry } from '../../../libs/persistence/entries';
import {
  confirmObjection,
  deleteObjection,
  fileObjection,
  latestSelection,
  objectionConfirmationDigest,
  objectionOf,
  objectionsPage,
  objectionStage,
  objectionStageOrFail,
  recentObjections,
  selectedIn,
} from '../../../libs/persistence/selection';
import {
  advisoryLock,
  cycleOrNotFound,
  databaseNow,
  inTransaction,
  LockNamespace,
  type Db,
} from '../../../libs/persistence/shared';
import { resolveObjectionUpdate } from '../../../workflows/cycle.messages';
import { NoticesService } from '../notify/notices.service';
import type {
  FileObjectionRequestDto,
  ListObjectionsQueryDto,
  ResolveObjectionRequestDto,
} from './objection.request.dto';
import { tooMany } from '../common/too-many';
import { confirmationCode, confirmationLink, isConfirmationCodeOf } from './objection-confirmation';

/**
 * Uji publik: while the objection stage is open anyone may object to a nominee, with a reason and a contact. An
 * objection counts once its objector confirms the contact address by the link e-mailed there, so nobody makes
 * Tahap write to an address that did not ask; admins resolve each counted one (an Update on the cycle workflow, so
 * the decision is in its history).
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
    private readonly notices: NoticesService,
  ) {}

  /**
   * Files the objection unconfirmed and e-mails its objector the link that confirms it. `clientAddress`: where the
   * request came from (behind the proxy, the address it forwards).
   */
  async file(cycleId: string, body: FileObjectionRequestDto, clientAddress: string) {
    const code = confirmationCode();
    const filed = await inTransaction(this.db, async (tx) => {
      const cycle = await cycleOrNotFound(tx, cycleId);
      const stage = await objectionStage(tx, cycleId, true);
      if (!stage) throw new DomainError(ErrorCode.StageNotFound, `${cycleId} has no objection window.`);
      if (stage.status !== 'open') {
        throw new DomainError(
          ErrorCode.StageNotOpen,
          stage.status === 'closed'
            ? `The objection window of ${cycleId} closed at ${formatInZone(stage.closedAt ?? stage.closesAt, stage.zone)}.`
            : `The objection window of ${cycleId} opens at ${formatInZone(stage.opensAt, stage.zone)}.`,
        );
      }
      const selection = await latestSelection(tx, cycleId, selectionStageFor(cycle.resolvedTemplate, stage.key)!);
      if (!selection || !(await selectedIn(tx, selection.id)).has(body.entryId)) {
        throw new DomainError(ErrorCode.NotANominee, 'Objections are filed against nominees; that entry is not one.', [
          { path: 'entryId', message: 'not on the nominee list (GET /cycles/{cycleId}/nominees)' },
        ]);
      }
      await advisoryLock(tx, LockNamespace.ObjectionFiling, cycleId);
      await refuseOverLimit(tx, { clientAddress, contactEmail: body.contactEmail, entryId: body.entryId });
      const objection = await fileObjection(tx, {
        cycleId,
        entryId: body.entryId,
        reason: body.reason,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        language: body.language ?? 'id',
        clientAddress,
        confirmationDigest: code.digest,
      });
      return { id: objection.id, status: objection.status, filedAt: objection.filedAt, confirmBy: stage.closesAt };
    });
    const link = confirmationLink(this.config.publicUrl, cycleId, filed.id, code.secret);
    try {
      await this.notices.send({ kind: 'objection-confirmation', cycleId, objectionId: filed.id, link });
    } catch (error) {
      // Without its link nobody could ever confirm it: the objector is told to try again, and nothing stays.
      await deleteObjection(this.db, filed.id);
      throw error;
    }
    return filed;
  }

  /**
   * Counts the objection whose link this is, while the window is open; opening the link again answers the same.
   * A wrong code and an unknown objection get the same answer, so the link cannot be guessed one part at a time.
   */
  confirm(cycleId: string, objectionId: string, secret: string) {
    return inTransaction(this.db, async (tx) => {
      const digest = await objectionConfirmationDigest(tx, cycleId, objectionId);
      if (!digest || !isConfirmationCodeOf(secret, digest)) {
        throw new DomainError(
          ErrorCode.ObjectionNotFound,
          'No objection matches this link. Open the whole link from the e-mail, or file the objection again.',
        );
      }
      // The stage row held shared: the window cannot close between this check and the confirmation.
      const stage = await objectionStageOrFail(tx, cycleId, true);
      const objection = (await objectionOf(tx, cycleId, objectionId, true))!;
      if (objection.status === 'unconfirmed') {
        if (stage.status !== 'open') {
          throw new DomainError(
            ErrorCode.StageNotOpen,
            `The objection window closed at ${formatInZone(stage.closedAt ?? stage.closesAt, stage.zone)}; ` +
              'an objection not confirmed by then does not count.',
          );
        }
        await confirmObjection(tx, objectionId);
      }
      const entry = await existingEntry(tx, objection.entryId);
      const status = objection.status === 'unconfirmed' ? 'open' : objection.status;
      return { id: objection.id, status, title: entry.title };
    });
  }

  /** A page of the cycle's objections; an unknown cycle answers 404, not an empty list. */
  async list(cycleId: string, query: ListObjectionsQueryDto) {
    await cycleOrNotFound(this.db, cycleId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const [items, total] = await objectionsPage(this.db, cycleId, { status: query.status, page, pageSize });
    return { items, total, page, pageSize };
  }

  /** Checks what can be checked here, then asks the cycle workflow, which decides under the stage's lock. */
  async resolve(cycleId: string, objectionId: string, body: ResolveObjectionRequestDto, by: Principal) {
    const objection = await objectionOf(this.db, cycleId, objectionId);
    if (!objection) throw new DomainError(ErrorCode.ObjectionNotFound, `No objection ${objectionId} in ${cycleId}.`);
    if (objection.status === 'unconfirmed') {
      throw new DomainError(
        ErrorCode.ObjectionNotConfirmed,
        'The objector has not confirmed their e-mail address yet; an unconfirmed objection does not count.',
      );
    }
    if (objection.status !== 'open') {
      throw new DomainError(ErrorCode.ObjectionResolved, `The objection was already ${objection.status}.`);
    }
    const stage = await objectionStageOrFail(this.db, cycleId);
    return this.client.workflow.getHandle(cycleId).executeUpdate(resolveObjectionUpdate, {
      args: [
        {
          objectionId,
          stageKey: stage.key,
          decision: body.decision,
          reason: body.reason,
          requestedBy: by.userId,
        },
      ],
    });
  }
}

/**
 * Uji publik is open to anyone, so what one person can file is bounded: per client address (a script), per e-mail
 * (one person) and per entry (a campaign against one nominee). Unconfirmed ones count too: each filing e-mails a
 * confirmation link, so these also bound the mail a stranger can make Tahap send.
 */
export const OBJECTION_LIMITS = {
  perClientAddress: { count: 10, minutes: 60 },
  perEmail: { count: 5, minutes: 24 * 60 },
  perEntry: { count: 30, minutes: 24 * 60 },
} as const;

async function refuseOverLimit(tx: Db, filing: { clientAddress: string; contactEmail: string; entryId: string }) {
  const limits = OBJECTION_LIMITS;
  const recent = await recentObjections(tx, filing, {
    client: limits.perClientAddress.minutes,
    email: limits.perEmail.minutes,
    entry: limits.perEntry.minutes,
  });
  const over = [
    { found: recent.client, limit: limits.perClientAddress, who: 'from this address' },
    { found: recent.email, limit: limits.perEmail, who: 'with this e-mail address' },
    { found: recent.entry, limit: limits.perEntry, who: 'against this nominee' },
  ].filter(({ found, limit }) => found.count >= limit.count);
  if (over.length === 0) return;
  const retryAt = new Date(
    Math.max(...over.map(({ found, limit }) => found.oldest!.getTime() + limit.minutes * 60_000)),
  );
  throw tooMany(
    ErrorCode.ObjectionLimit,
    `Too many objections ${over[0].who} (at most ${over[0].limit.count} in ${hours(over[0].limit.minutes)})`,
    retryAt,
    await databaseNow(tx),
  );
}

const hours = (minutes: number) => (minutes === 60 ? 'an hour' : `${minutes / 60} hours`);
