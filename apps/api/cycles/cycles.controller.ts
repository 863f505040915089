import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
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
import { preferredWaitMs } from './stage-opening-wait';

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
    description:
      'The stage opens once every entry has heard that the stage before it closed: at once in a small cycle, ' +
      'minutes in a national one. The answer waits up to 10 s (less with `Prefer: wait=<seconds>` or ' +
      '`Prefer: respond-async`): `200` with the opening instant, or `202` with status `opening` (the cycle shows ' +
      'the stage open when it is).',
  })
  @ApiOkResponse({ type: CycleStageOpeningDto })
  @ApiAcceptedResponse({ type: CycleStageOpeningDto, description: 'Accepted; the stage is opening' })
  async open(
    @Param('cycleId') cycleId: string,
    @Param('stageKey') stageKey: string,
    @Body() body: OpenStageRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('prefer') prefer: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const answer = await this.cycles.openStageNow(cycleId, stageKey, body.reason, principal, preferredWaitMs(prefer));
    if (answer.status === 'opening') {
      response.status(HttpStatus.ACCEPTED);
      if (prefer) response.setHeader('Preference-Applied', 'respond-async');
    }
    return answer;
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
