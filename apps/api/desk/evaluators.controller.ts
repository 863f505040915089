import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { DeskCycleEvaluatorDto } from './desk.response.dto';
import { AddEvaluatorsRequestDto } from './evaluators.request.dto';
import { EvaluatorsService } from './evaluators.service';

/** A cycle's evaluators and the affiliations they declare. */
@ApiTags('desk evaluation')
@ApiBearerAuth()
@Controller('cycles/:cycleId/evaluators')
export class EvaluatorsController {
  constructor(private readonly evaluators: EvaluatorsService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({ summary: 'Add (invite) evaluators to a cycle with their declared affiliations' })
  @ApiCreatedResponse({ type: [DeskCycleEvaluatorDto] })
  add(
    @Param('cycleId') cycleId: string,
    @Body() body: AddEvaluatorsRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.evaluators.add(cycleId, body, principal);
  }

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'The cycle’s evaluators, their affiliations and current desk loads' })
  @ApiOkResponse({ type: [DeskCycleEvaluatorDto] })
  list(@Param('cycleId') cycleId: string) {
    return this.evaluators.list(cycleId);
  }
}
