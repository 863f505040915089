import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import {
  ConfirmObjectionRequestDto,
  FileObjectionRequestDto,
  ListObjectionsQueryDto,
  ResolveObjectionRequestDto,
} from './objection.request.dto';
import { OBJECTION_LIMITS, ObjectionsService } from './objections.service';
import {
  ObjectionConfirmedDto,
  ObjectionFiledDto,
  ObjectionPageDto,
  ObjectionResolutionDto,
} from './selection.response.dto';

function objectionIdParam() {
  return new ParseUUIDPipe({
    exceptionFactory: () => new DomainError(ErrorCode.ObjectionNotFound, 'No such objection.'),
  });
}

/** Uji publik: objections to nominees, and admins' resolutions of them. */
@ApiTags('selection')
@ApiBearerAuth()
@Controller('cycles/:cycleId/objections')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post()
  @Allow('public')
  @ApiOperation({
    summary: 'Object to a nominee during the objection window (anyone; a contact is required)',
    description:
      'The objection is filed unconfirmed, and a link that confirms it is e-mailed to contactEmail; it counts ' +
      '(admins see and decide it) once confirmed before the window closes. ' +
      `At most ${OBJECTION_LIMITS.perClientAddress.count} an hour from one client address, ` +
      `${OBJECTION_LIMITS.perEmail.count} a day with one e-mail address and ${OBJECTION_LIMITS.perEntry.count} a ` +
      'day against one nominee; past a limit, 429 with Retry-After.',
  })
  @ApiCreatedResponse({ type: ObjectionFiledDto })
  file(@Param('cycleId') cycleId: string, @Body() body: FileObjectionRequestDto, @Req() request: Request) {
    return this.objections.file(cycleId, body, request.ip ?? 'unknown');
  }

  @Post(':objectionId/confirmation')
  @HttpCode(200)
  @Allow('public')
  @ApiOperation({
    summary: 'Confirm an objection with the code from the link e-mailed to its objector (anyone holding the link)',
    description: 'Counts the objection while the window is open; confirming again answers the same.',
  })
  @ApiOkResponse({ type: ObjectionConfirmedDto })
  confirm(
    @Param('cycleId') cycleId: string,
    @Param('objectionId', objectionIdParam()) objectionId: string,
    @Body() body: ConfirmObjectionRequestDto,
  ) {
    return this.objections.confirm(cycleId, objectionId, body.code);
  }

  @Get()
  @Allow('admin', 'auditor')
  @ApiOperation({
    summary: "The cycle's objections and their resolutions, a page at a time, in the order filed",
    description: 'Unconfirmed objections do not count and are listed only when asked for with status=unconfirmed.',
  })
  @ApiOkResponse({ type: ObjectionPageDto })
  list(@Param('cycleId') cycleId: string, @Query() query: ListObjectionsQueryDto) {
    return this.objections.list(cycleId, query);
  }

  @Post(':objectionId/resolution')
  @HttpCode(200)
  @Allow('admin')
  @ApiOperation({
    summary: 'Uphold (the nominee leaves, the next in rank enters) or dismiss an objection, with a reason',
    description: 'The objector and the agency are told; an entry that enters the list has its agency told too.',
  })
  @ApiOkResponse({ type: ObjectionResolutionDto })
  resolve(
    @Param('cycleId') cycleId: string,
    @Param('objectionId', objectionIdParam()) objectionId: string,
    @Body() body: ResolveObjectionRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.resolve(cycleId, objectionId, body, principal);
  }
}
