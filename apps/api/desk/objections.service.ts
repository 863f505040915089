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
  selectedIn,
} from '../../../libs/persistence/selection';
import { cycleOrNotFound, inTransaction, type Db } from '../../../libs/persistence/shared';
import { resolveObjectionUpdate } from '../../../workflows/cycle.messages';
import type { FileObjectionRequestDto, ResolveObjectionRequestDto } from './objection.request.dto';

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

  file(cycleId: string, body: FileObjectionRequestDto) {
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
      const objection = await fileObjection(tx, {
        cycleId,
        entryId: body.entryId,
        reason: body.reason,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        language: body.language ?? 'id',
      });
      return { id: objection.id, status: objection.status, filedAt: objection.filedAt };
    });
  }

  list(cycleId: string) {
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
