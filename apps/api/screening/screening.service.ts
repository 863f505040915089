import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { activeEntries, lockScreeningStage, saveAdminScreeningDecisions } from '../../../libs/persistence/screening';
import { inTransaction, type Db } from '../../../libs/persistence/shared';
import type { ScreeningDecisionsRequestDto } from './screening-decisions.request.dto';

/**
 * Admins' screening decisions, one or many in one transaction: all are taken or none. Only while the screening
 * stage is open (under its row lock, which the close also takes), only for active entries of this cycle. A later
 * decision replaces an earlier one until the close; a rule's "fail" may be overturned by a person.
 */
@Injectable()
export class ScreeningService {
  constructor(@Inject(DB) private readonly db: Db) {}

  decide(cycleId: string, body: ScreeningDecisionsRequestDto, by: Principal) {
    return inTransaction(this.db, async (tx) => {
      const stage = await lockScreeningStage(tx, cycleId);
      if (!stage) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}" with a screening stage.`);
      if (stage.status !== 'open') {
        throw new DomainError(
          ErrorCode.ScreeningNotOpen,
          stage.status === 'closed'
            ? `Screening in ${cycleId} has closed; its outcomes are final.`
            : `Screening in ${cycleId} has not opened yet.`,
        );
      }
      const ids = body.decisions.map((decision) => decision.entryId);
      const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
      if (duplicates.length > 0) {
        throw new DomainError(ErrorCode.ValidationFailed, `Entry ${duplicates[0]} is decided twice in one request.`, [
          { path: `decisions[${ids.lastIndexOf(duplicates[0])}].entryId`, message: 'appears twice' },
        ]);
      }
      const known = new Set((await activeEntries(tx, cycleId, ids)).map((entry) => entry.id));
      const unknown = body.decisions.flatMap((decision, index) =>
        known.has(decision.entryId)
          ? []
          : [{ path: `decisions[${index}].entryId`, message: 'no active entry of this cycle' }],
      );
      if (unknown.length > 0) {
        throw new DomainError(
          ErrorCode.EntryNotFound,
          `${unknown.length} of the entries are not active entries of ${cycleId}; nothing was decided.`,
          unknown,
        );
      }
      await saveAdminScreeningDecisions(
        tx,
        body.decisions.map((decision) => ({
          entryId: decision.entryId,
          cycleId,
          outcome: decision.outcome,
          reason: decision.reason.trim(),
          decidedBy: 'admin' as const,
          decidedByUser: by.userId,
          decidedAt: new Date(),
        })),
      );
      return { cycleId, decided: body.decisions.length };
    });
  }
}
