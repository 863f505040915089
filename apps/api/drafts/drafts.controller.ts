import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { DraftContentRequestDto, ReturnDraftRequestDto, SaveDraftRequestDto } from './draft.request.dto';
import { DraftDto } from './draft.response.dto';
import { DraftsService } from './drafts.service';

const draftId = () =>
  new ParseUUIDPipe({ exceptionFactory: () => new DomainError(ErrorCode.DraftNotFound, 'No such draft.') });

@ApiTags('drafts')
@ApiBearerAuth()
@Controller()
export class DraftsController {
  constructor(private readonly drafts: DraftsService) {}

  @Post('cycles/:cycleId/drafts')
  @Allow('agency', 'agency-unit')
  @ApiOperation({ summary: 'Start a draft registration (needs only a title; submission must be open)' })
  @ApiCreatedResponse({ type: DraftDto })
  create(@Param('cycleId') cycleId: string, @Body() body: DraftContentRequestDto, @CurrentPrincipal() by: Principal) {
    return this.drafts.create(cycleId, body, by);
  }

  @Get('drafts')
  @Allow('agency', 'agency-unit')
  @ApiOperation({ summary: 'The agency’s drafts (a unit sees its own), newest first' })
  @ApiQuery({ name: 'cycleId', required: false })
  @ApiOkResponse({ type: [DraftDto] })
  list(@CurrentPrincipal() by: Principal, @Query('cycleId') cycleId?: string) {
    return this.drafts.list(by, cycleId);
  }

  @Get('drafts/:draftId')
  @Allow('agency', 'agency-unit')
  @ApiOperation({ summary: 'One draft' })
  @ApiOkResponse({ type: DraftDto })
  get(@Param('draftId', draftId()) id: string, @CurrentPrincipal() by: Principal) {
    return this.drafts.get(id, by);
  }

  @Put('drafts/:draftId')
  @Allow('agency', 'agency-unit')
  @ApiOperation({ summary: 'Save a draft (autosave); 409 when it was saved elsewhere since `revision`' })
  @ApiOkResponse({ type: DraftDto })
  save(@Param('draftId', draftId()) id: string, @Body() body: SaveDraftRequestDto, @CurrentPrincipal() by: Principal) {
    return this.drafts.save(id, body, by);
  }

  @Post('drafts/:draftId/send-for-review')
  @HttpCode(200)
  @Allow('agency-unit')
  @ApiOperation({ summary: 'A unit sends its draft to the agency’s Admin Lokal' })
  @ApiOkResponse({ type: DraftDto })
  sendForReview(@Param('draftId', draftId()) id: string, @CurrentPrincipal() by: Principal) {
    return this.drafts.sendForReview(id, by);
  }

  @Post('drafts/:draftId/return')
  @HttpCode(200)
  @Allow('agency')
  @ApiOperation({ summary: 'The Admin Lokal returns a draft to its unit with a note of what to fix' })
  @ApiOkResponse({ type: DraftDto })
  returnWithNote(
    @Param('draftId', draftId()) id: string,
    @Body() body: ReturnDraftRequestDto,
    @CurrentPrincipal() by: Principal,
  ) {
    return this.drafts.returnWithNote(id, body.note, by);
  }

  @Post('drafts/:draftId/submit')
  @HttpCode(200)
  @Allow('agency')
  @ApiOperation({ summary: 'The Admin Lokal submits the draft: it is registered as the agency’s entry' })
  @ApiOkResponse({ type: DraftDto })
  submit(@Param('draftId', draftId()) id: string, @CurrentPrincipal() by: Principal) {
    return this.drafts.submit(id, by);
  }

  @Delete('drafts/:draftId')
  @HttpCode(204)
  @Allow('agency', 'agency-unit')
  @ApiOperation({ summary: 'Discard a draft that is not submitted' })
  @ApiNoContentResponse()
  discard(@Param('draftId', draftId()) id: string, @CurrentPrincipal() by: Principal) {
    return this.drafts.discard(id, by);
  }
}
