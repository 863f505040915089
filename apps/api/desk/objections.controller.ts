import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { latestSelection, selectedIn, selectionStageFor } from '../../../activities/desk/selection-writer';
import { DomainError, ErrorCode, formatInZone, type Principal } from '../../../libs/domain';
import { TEMPORAL_CLIENT } from '../../../libs/infrastructure';
import { CycleEntity, CycleStageEntity, ObjectionEntity } from '../../../libs/persistence';
import { resolveObjectionUpdate } from '../../../workflows/cycle.messages';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { FileObjectionRequestDto, ResolveObjectionRequestDto } from './objection.request.dto';

function objectionIdParam() {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(ErrorCode.ObjectionNotFound, 'No such objection.'),
  });
}

/**
 * Uji publik: while the objection stage is open anyone may object to a nominee, with a reason and a contact;
 * admins resolve each (an Update on the cycle workflow, so the decision is in its history).
 */
@ApiTags('selection')
@ApiBearerAuth()
@Controller('cycles/:cycleId/objections')
export class ObjectionsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  @Post()
  @Allow('public')
  @ApiOperation({ summary: 'Object to a nominee during the objection window (anyone; a contact is required)' })
  async file(@Param('cycleId') cycleId: string, @Body() body: FileObjectionRequestDto) {
    return this.dataSource.transaction(async (tx) => {
      const cycle = await tx.getRepository(CycleEntity).findOneBy({ id: cycleId });
      if (!cycle) throw new DomainError(ErrorCode.CycleNotFound, `No cycle "${cycleId}".`);
      const stage = await tx.getRepository(CycleStageEntity).findOne({
        where: { cycleId, type: 'objection' },
        lock: { mode: 'pessimistic_read' },
      });
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
      const objection = await tx.getRepository(ObjectionEntity).save({
        cycleId,
        entryId: body.entryId,
        reason: body.reason,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        language: body.language ?? 'id',
        status: 'open' as const,
      });
      return { id: objection.id, status: objection.status, filedAt: objection.filedAt };
    });
  }

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Every objection of the cycle and its resolution' })
  list(@Param('cycleId') cycleId: string) {
    return this.dataSource.getRepository(ObjectionEntity).find({ where: { cycleId }, order: { filedAt: 'ASC' } });
  }

  @Post(':objectionId/resolution')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Uphold (the nominee leaves, the next in rank enters) or dismiss an objection, with a reason',
    description: 'The objector and the agency are told; an entry that enters the list has its agency told too.',
  })
  async resolve(
    @Param('cycleId') cycleId: string,
    @Param('objectionId', objectionIdParam()) objectionId: string,
    @Body() body: ResolveObjectionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const objection = await this.dataSource.getRepository(ObjectionEntity).findOneBy({ id: objectionId, cycleId });
    if (!objection) throw new DomainError(ErrorCode.ObjectionNotFound, `No objection ${objectionId} in ${cycleId}.`);
    if (objection.status !== 'open') {
      throw new DomainError(ErrorCode.ObjectionResolved, `The objection was already ${objection.status}.`);
    }
    const stage = await this.dataSource.getRepository(CycleStageEntity).findOneByOrFail({ cycleId, type: 'objection' });
    return this.client.workflow.getHandle(cycleId).executeUpdate(resolveObjectionUpdate, {
      args: [
        {
          objectionId,
          stageKey: stage.key,
          decision: body.decision,
          reason: body.reason,
          requestedBy: principal.userId,
        },
      ],
    });
  }
}
