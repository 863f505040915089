import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { CloseStageRequestDto } from './close-stage.request.dto';
import { CreateCycleRequestDto } from './create-cycle.request.dto';
import {
  CycleDto,
  CycleListItemDto,
  CyclePauseStateDto,
  CycleStageClosureDto,
  CycleStageDeadlineDto,
  CycleStageOpeningDto,
} from './cycles.response.dto';
import { CyclesService } from './cycles.service';
import { ExtendStageRequestDto } from './extend-stage.request.dto';
import { OpenStageRequestDto } from './open-stage.request.dto';
import { PauseCycleRequestDto } from './pause-cycle.request.dto';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Post()
  @Allow('admin')
  @ApiOperation({
    summary: 'Create a cycle from a template version and start it now or at startAt; its stages run on their calendar',
  })
  @ApiCreatedResponse({ type: CycleDto })
  create(@Body() body: CreateCycleRequestDto) {
    return this.cycles.create(body.templateKey, body.templateVersion, body.startAt);
  }

  @Get()
  @Allow(...ROLES)
  @ApiOperation({ summary: 'All cycles' })
  @ApiOkResponse({ type: [CycleListItemDto], description: 'Newest first' })
  list() {
    return this.cycles.list();
  }

  @Get(':cycleId')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'A cycle and its stages, with each instant also shown in the stage zone' })
  @ApiOkResponse({ type: CycleDto })
  get(@Param('cycleId') cycleId: string) {
    return this.cycles.get(cycleId);
  }

  @Post(':cycleId/stages/:stageKey/open')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary:
      'Open the next stage now, before its calendar instant, once the stage before it has closed (409 otherwise); its deadline stays',
  })
  @ApiOkResponse({ type: CycleStageOpeningDto })
  open(
    @Param('cycleId') cycleId: string,
    @Param('stageKey') stageKey: string,
    @Body() body: OpenStageRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.cycles.openStageNow(cycleId, stageKey, body.reason, principal);
  }

  @Post(':cycleId/stages/:stageKey/close')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Close an open stage now (409 when it has not opened or has closed)' })
  @ApiOkResponse({ type: CycleStageClosureDto })
  close(
    @Param('cycleId') cycleId: string,
    @Param('stageKey') stageKey: string,
    @Body() _body: CloseStageRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.cycles.closeStageNow(cycleId, stageKey, principal);
  }

  @Post(':cycleId/stages/:stageKey/extend')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Move a stage’s deadline later, with a reason agencies are told (409 once it closed)' })
  @ApiOkResponse({ type: CycleStageDeadlineDto })
  extend(
    @Param('cycleId') cycleId: string,
    @Param('stageKey') stageKey: string,
    @Body() body: ExtendStageRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.cycles.extendStage(cycleId, stageKey, body.closesAt, body.reason, principal);
  }

  @Post(':cycleId/pause')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Pause the cycle: no stage opens or closes, agencies cannot register, edit or withdraw' })
  @ApiOkResponse({ type: CyclePauseStateDto })
  pause(
    @Param('cycleId') cycleId: string,
    @Body() body: PauseCycleRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.cycles.pause(cycleId, body.reason, principal);
  }

  @Post(':cycleId/resume')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Resume a paused cycle; a deadline that passed meanwhile closes its stage at once' })
  @ApiOkResponse({ type: CyclePauseStateDto })
  resume(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.cycles.resume(cycleId, principal);
  }
}
