import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { CycleStageEntity, EntryEntity, ScreeningDecisionEntity } from '../../../libs/persistence';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { ScreeningDecisionsRequestDto } from './screening-decisions.request.dto';

/**
 * Admins' screening decisions, one or many in one transaction: all are taken or none. Only while the screening
 * stage is open (under its row lock, which the close also takes), only for active entries of this cycle. A later
 * decision replaces an earlier one until the close; a rule's "fail" may be overturned by a person.
 */
@ApiTags('screening')
@ApiBearerAuth()
@Controller('cycles/:cycleId/screening/decisions')
export class ScreeningController {
  constructor(private readonly dataSource: DataSource) {}

  @Post()
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Pass or fail entries in administrative screening, each with a reason' })
  decide(
    @Param('cycleId') cycleId: string,
    @Body() body: ScreeningDecisionsRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.dataSource.transaction(async (tx) => {
      const stage = await tx.getRepository(CycleStageEntity).findOne({
        where: { cycleId, type: 'screening' },
        lock: { mode: 'pessimistic_write' },
      });
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
      const active = await tx.getRepository(EntryEntity).findBy({ id: In(ids), cycleId, status: 'active' });
      const known = new Set(active.map((entry) => entry.id));
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
      await tx.getRepository(ScreeningDecisionEntity).upsert(
        body.decisions.map((decision) => ({
          entryId: decision.entryId,
          cycleId,
          outcome: decision.outcome,
          reason: decision.reason.trim(),
          decidedBy: 'admin' as const,
          decidedByUser: principal.userId,
          decidedAt: new Date(),
        })),
        ['entryId'],
      );
      return { cycleId, decided: body.decisions.length };
    });
  }
}
