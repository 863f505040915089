import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { entryIdParam } from '../common/params';
import { DeskScoringService } from './desk-scoring.service';
import { DeskAssignmentDto, DeskReassignmentDto, DeskScoreReceiptDto, DeskScoreSheetDto } from './desk.response.dto';
import { DeclareConflictRequestDto, DeskScoreRequestDto, ReassignRequestDto } from './desk-score.request.dto';

/** Desk evaluation of one entry: score sheets and their versions, declared conflicts, reassignment. */
@ApiTags('desk evaluation')
@ApiBearerAuth()
@Controller('entries/:entryId')
export class DeskEntriesController {
  constructor(private readonly desk: DeskScoringService) {}

  @Post('desk-scores')
  @Allow('evaluator')
  @ApiOperation({
    summary: 'Submit or revise your score sheet (every version is kept); until the deadline',
    description: 'An Update on the entry workflow: refused unless the entry is assigned to you and the stage is open.',
  })
  @ApiCreatedResponse({ type: DeskScoreReceiptDto })
  submit(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: DeskScoreRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.desk.submitScore(entryId, body, principal);
  }

  @Get('desk-scores')
  @Allow('admin', 'auditor', 'evaluator')
  @ApiOperation({ summary: 'Every version of every score sheet of the entry; an evaluator sees their own' })
  @ApiOkResponse({ type: [DeskScoreSheetDto] })
  scores(@Param('entryId', entryIdParam()) entryId: string, @CurrentPrincipal() principal: Principal) {
    return this.desk.scores(entryId, principal);
  }

  @Get('desk-assignments')
  @Allow('admin', 'auditor')
  @ApiOperation({ summary: 'Who was given the entry, when and why, including ended assignments' })
  @ApiOkResponse({ type: [DeskAssignmentDto] })
  assignments(@Param('entryId', entryIdParam()) entryId: string, @CurrentPrincipal() principal: Principal) {
    return this.desk.assignments(entryId, principal);
  }

  @Post('conflicts')
  @HttpCode(200)
  @Allow('evaluator')
  @ApiOperation({ summary: 'Declare a conflict of interest with the entry; it is given to another evaluator' })
  @ApiOkResponse({ type: DeskReassignmentDto })
  declareConflict(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: DeclareConflictRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.desk.declareConflict(entryId, body, principal);
  }

  @Post('desk-assignments/reassign')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({ summary: 'Move the entry from one evaluator to another, with a reason' })
  @ApiOkResponse({ type: DeskReassignmentDto })
  reassign(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: ReassignRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.desk.reassign(entryId, body, principal);
  }
}
