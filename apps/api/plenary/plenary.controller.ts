import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { PlenaryService } from './plenary.service';
import {
  PlenaryAttendanceRequestDto,
  CorrectionRequestDto,
  DecisionExportQueryDto,
  OverrideRequestDto,
  VoteRequestDto,
} from './plenary.request.dto';
import {
  PlenaryAttendanceDto,
  PlenaryDecisionDocumentDto,
  PlenaryDecisionSummaryDto,
  PlenaryOverrideProposalDto,
  PlenaryRecordedDecisionDto,
  PlenaryResultsDto,
  PlenaryStateDto,
  PlenaryVoteOutcomeDto,
} from './plenary.response.dto';

function sequenceParam() {
  return new ParseIntPipe({
    exceptionFactory: () => new DomainError(ErrorCode.DecisionNotFound, 'A decision is named by its sequence: 1, 2, …'),
  });
}

/**
 * Sidang pleno: panelists record attendance and vote, an override needs a reason and a majority of those present,
 * the secretariat closes with the quorum met. Decisions export as JSON, CSV and an Indonesian berita acara;
 * announced results are public; a correction is a new decision.
 */
@ApiTags('plenary')
@ApiBearerAuth()
@Controller('cycles/:cycleId')
export class PlenaryController {
  constructor(private readonly plenary: PlenaryService) {}

  @Get('plenary')
  @Allow('admin', 'panelist', 'auditor')
  @ApiOperation({ summary: 'The plenary as it stands: ranked list, members present, votes, overrides, decision' })
  @ApiOkResponse({ type: PlenaryStateDto })
  state(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.plenary.state(cycleId, principal);
  }

  @Post('plenary/attendance')
  @HttpCode(200)
  @Allow('admin', 'panelist')
  @ApiOperation({ summary: 'Record a panelist present or gone (a panelist for themself, the secretariat for anyone)' })
  @ApiOkResponse({ type: PlenaryAttendanceDto })
  attendance(
    @Param('cycleId') cycleId: string,
    @Body() body: PlenaryAttendanceRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.plenary.attendance(cycleId, body, principal);
  }

  @Post('plenary/overrides')
  @Allow('admin', 'panelist')
  @ApiOperation({
    summary: 'Propose moving an entry into or out of the winners, with a reason (at least 20 characters)',
    description: 'It carries once a majority of the panelists present approve it (POST …/plenary/votes).',
  })
  @ApiCreatedResponse({ type: PlenaryOverrideProposalDto })
  propose(
    @Param('cycleId') cycleId: string,
    @Body() body: OverrideRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.plenary.propose(cycleId, body, principal);
  }

  @Post('plenary/votes')
  @HttpCode(200)
  @Allow('panelist')
  @ApiOperation({ summary: 'Vote approve, reject or abstain on the proposed winners or on an override' })
  @ApiOkResponse({ type: PlenaryVoteOutcomeDto })
  vote(@Param('cycleId') cycleId: string, @Body() body: VoteRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.plenary.vote(cycleId, body, principal);
  }

  @Post('plenary/close')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Close the plenary: with the quorum present and a majority approving, the decision is recorded',
  })
  @ApiOkResponse({ type: PlenaryRecordedDecisionDto })
  close(@Param('cycleId') cycleId: string, @CurrentPrincipal() principal: Principal) {
    return this.plenary.close(cycleId, principal);
  }

  @Get('decisions')
  @Allow('admin', 'panelist', 'auditor')
  @ApiOperation({ summary: 'Every decision of the cycle, the first and its corrections, with their SHA-256' })
  @ApiOkResponse({ type: [PlenaryDecisionSummaryDto] })
  decisions(
    @Param('cycleId') cycleId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlenaryDecisionSummaryDto[]> {
    return this.plenary.decisions(cycleId, principal);
  }

  @Get('decisions/:sequence')
  @Allow('admin', 'panelist', 'auditor')
  @ApiOperation({
    summary: 'Export a decision as JSON (RFC 8785), CSV or a printable Indonesian berita acara (HTML)',
    description: 'The same decision always exports to the same bytes; ETag is their SHA-256.',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiExtraModels(PlenaryDecisionDocumentDto)
  @ApiOkResponse({
    description: 'The decision in the format asked for (?format=json, the default, csv or html), inline',
    headers: { ETag: { description: 'SHA-256 of the body, quoted', schema: { type: 'string' } } },
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PlenaryDecisionDocumentDto) } },
      'text/csv': { schema: { type: 'string', description: 'One row per entry of each cluster and group' } },
      'text/html': { schema: { type: 'string', description: 'A printable berita acara in Indonesian' } },
    },
  })
  async export(
    @Param('cycleId') cycleId: string,
    @Param('sequence', sequenceParam()) sequence: number,
    @Query() query: DecisionExportQueryDto,
    @Res({ passthrough: true }) response: Response,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    const exported = await this.plenary.export(cycleId, sequence, query.format ?? 'json', principal);
    response.setHeader('ETag', `"${exported.sha256}"`);
    return new StreamableFile(Buffer.from(exported.body, 'utf8'), {
      type: exported.contentType,
      disposition: `inline; filename="${exported.filename}"`,
    });
  }

  @Post('decisions/corrections')
  @Allow('admin')
  @ApiOperation({
    summary: 'Correct the announced decision: a new decision that supersedes it, with a reason; never an edit',
    description: 'Entries move in or out of the winners; each agency whose result changed is told.',
  })
  @ApiCreatedResponse({ type: PlenaryDecisionSummaryDto })
  correct(
    @Param('cycleId') cycleId: string,
    @Body() body: CorrectionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlenaryDecisionSummaryDto> {
    return this.plenary.correct(cycleId, body, principal);
  }

  @Get('results')
  @Allow('public')
  @ApiOperation({ summary: 'The announced results: winners of each cluster and group (public)' })
  @ApiOkResponse({ type: PlenaryResultsDto })
  results(@Param('cycleId') cycleId: string): Promise<PlenaryResultsDto> {
    return this.plenary.results(cycleId);
  }

  @Get('results/document')
  @Allow('public')
  @ApiOperation({
    summary: 'The announced decision in force as a printable Indonesian berita acara (HTML, public)',
    description:
      'The same bytes as GET …/decisions/{sequence}?format=html of that decision; 404 until the results are announced.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The berita acara, inline',
    headers: { ETag: { description: 'SHA-256 of the body, quoted', schema: { type: 'string' } } },
    content: { 'text/html': { schema: { type: 'string', description: 'A printable berita acara in Indonesian' } } },
  })
  async resultsDocument(
    @Param('cycleId') cycleId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const exported = await this.plenary.resultsDocument(cycleId);
    response.setHeader('ETag', `"${exported.sha256}"`);
    return new StreamableFile(Buffer.from(exported.body, 'utf8'), {
      type: exported.contentType,
      disposition: `inline; filename="${exported.filename}"`,
    });
  }
}
