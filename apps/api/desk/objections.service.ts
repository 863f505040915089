import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DomainError, ErrorCode, formatInZone, selectionStageFor, type Principal } from '../../../libs/domain';
import { DB, TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import {
  fileObjection,
  latestSelection,
  objectionOf,
  objectionsOf,
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
import type { FileObjectionRequestDto, ResolveObjectionRequestDto } from './objection.request.dto';
import { tooMany } from '../common/too-many';

/**
 * Uji publik: while the objection stage is open anyone may object to a nominee, with a reason and a contact;
 * admins resolve each (an Update on the cycle workflow, so the decision is in its history).
 */
@Injectable()
export class ObjectionsService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  /** `clientAddress`: where the request came from (behind the proxy, the address it forwards). */
  file(cycleId: string, body: FileObjectionRequestDto, clientAddress: string) {
    return inTransaction(this.db, async (tx) => {
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
      });
      return { id: objection.id, status: objection.status, filedAt: objection.filedAt };
    });
  }

  /** The cycle's objections; an unknown cycle answers 404, not an empty list. */
  async list(cycleId: string) {
    await cycleOrNotFound(this.db, cycleId);
    return objectionsOf(this.db, cycleId);
  }

  /** Checks what can be checked here, then asks the cycle workflow, which decides under the stage's lock. */
  async resolve(cycleId: string, objectionId: string, body: ResolveObjectionRequestDto, by: Principal) {
    const objection = await objectionOf(this.db, cycleId, objectionId);
    if (!objection) throw new DomainError(ErrorCode.ObjectionNotFound, `No objection ${objectionId} in ${cycleId}.`);
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
 * (one person) and per entry (a campaign against one nominee). Every objection left open at the close e-mails its
 * objector, so these also bound the mail a stranger can make Tahap send.
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
