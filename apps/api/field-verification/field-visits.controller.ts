import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { FieldVerificationVisitDto, FieldVerificationPlanDto } from './field-verification.response.dto';
import { PlanFieldVisitsRequestDto, RecordFieldVisitOutcomeRequestDto } from './field-visit.request.dto';
import { FieldVisitsService } from './field-visits.service';

/** A visit id that is not a UUID names no visit: 404, as for a visit the caller does not make. */
function visitIdParam() {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(ErrorCode.FieldVisitNotFound, 'No such field visit.'),
  });
}

/**
 * Verifikasi lapangan (optional stage): visits or virtual checks of finalists, each by a panelist and an evaluator
 * without a conflict of interest, and what they found.
 */
@ApiTags('field verification')
@ApiBearerAuth()
@Controller()
export class FieldVisitsController {
  constructor(private readonly visits: FieldVisitsService) {}

  @Post('cycles/:cycleId/field-visits')
  @Allow('admin')
  @ApiOperation({
    summary: 'Plan field visits: entries, days and modes; the engine assigns a panelist and an evaluator to each',
    description:
      'All or none. Each visit gets the least-loaded panelist and evaluator without a conflict of interest, with the ' +
      'reason; the agency and both visitors are told (inbox and e-mail). Refused for a stage that is not ' +
      'field-verification or has closed, a day outside its window (in its zone), an entry that is not active in ' +
      'the cycle or already has a visit, or an entry nobody may visit.',
  })
  @ApiCreatedResponse({ type: FieldVerificationPlanDto })
  async plan(
    @Param('cycleId') cycleId: string,
    @Body() body: PlanFieldVisitsRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FieldVerificationPlanDto> {
    return { visits: await this.visits.plan(cycleId, body, principal) };
  }

  @Get('cycles/:cycleId/field-visits')
  @Allow('admin', 'auditor', 'panelist', 'evaluator')
  @ApiOperation({
    summary: 'The cycle’s field visits with visitors, reasons and outcomes (a panelist or evaluator: their own)',
  })
  @ApiOkResponse({ type: [FieldVerificationVisitDto] })
  list(
    @Param('cycleId') cycleId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FieldVerificationVisitDto[]> {
    return this.visits.list(cycleId, principal);
  }

  @Post('field-visits/:visitId/outcome')
  @HttpCode(200)
  @Allow('admin', 'panelist', 'evaluator')
  @ApiOperation({
    summary:
      'Record what a visit found, with notes (one of its two visitors, or an admin); once, while the stage is open',
  })
  @ApiOkResponse({ type: FieldVerificationVisitDto })
  recordOutcome(
    @Param('visitId', visitIdParam()) visitId: string,
    @Body() body: RecordFieldVisitOutcomeRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FieldVerificationVisitDto> {
    return this.visits.recordOutcome(visitId, body, principal);
  }
}
