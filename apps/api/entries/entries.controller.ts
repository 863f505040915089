import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, ErrorCode, ROLES, type Principal } from '../../../libs/domain';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { entryIdParam } from '../common/params';
import { EditEntryRequestDto } from './edit-entry.request.dto';
import { EntriesService } from './entries.service';
import { EntryDto } from './entries.response.dto';
import { RegistrationService } from './registration.service';
import { RegisterEntryRequestDto } from './register-entry.request.dto';
import { WithdrawEntryRequestDto } from './withdraw-entry.request.dto';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

@ApiTags('entries')
@ApiBearerAuth()
@Controller()
export class EntriesController {
  constructor(
    private readonly entries: EntriesService,
    private readonly registration: RegistrationService,
  ) {}

  @Post('cycles/:cycleId/entries')
  @Allow('agency', 'admin')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A retry with the same key returns the same entry',
  })
  @ApiOperation({
    summary:
      'Register an innovation while submission is open (201; 200 for a retried Idempotency-Key; 409 when closed; ' +
      '422 when not eligible: REGISTRATION.INELIGIBLE for the document, REGISTRATION.NOT_ELIGIBLE for an ' +
      'innovation the template refuses for its results in earlier years)',
  })
  @ApiCreatedResponse({ type: EntryDto, description: 'Registered' })
  @ApiOkResponse({
    type: EntryDto,
    description: 'The entry an earlier request with this Idempotency-Key made (header Idempotent-Replayed: true)',
  })
  async register(
    @Param('cycleId') cycleId: string,
    @Body() body: RegisterEntryRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Idempotency-Key must be 1–200 visible ASCII characters.', [
        { path: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
      ]);
    }
    const { entry, replayed } = await this.registration.register(cycleId, body, principal, idempotencyKey);
    response.status(replayed ? 200 : 201);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return entry;
  }

  @Get('entries/:entryId')
  @Allow(...ROLES)
  @ApiOperation({ summary: 'An entry with its status, screening outcome and stage history (404 unless yours to see)' })
  @ApiOkResponse({ type: EntryDto })
  get(@Param('entryId', entryIdParam()) entryId: string, @CurrentPrincipal() principal: Principal) {
    return this.entries.get(entryId, principal);
  }

  @Patch('entries/:entryId')
  @Allow('agency')
  @ApiOperation({ summary: 'Change an entry until the submission deadline (409 after it)' })
  @ApiOkResponse({ type: EntryDto })
  edit(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: EditEntryRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.entries.edit(entryId, body, principal);
  }

  @Post('entries/:entryId/withdraw')
  @HttpCode(200)
  @Allow('agency')
  @ApiOperation({ summary: 'Withdraw an entry until the submission deadline; its title may be registered again' })
  @ApiOkResponse({ type: EntryDto })
  withdraw(
    @Param('entryId', entryIdParam()) entryId: string,
    @Body() body: WithdrawEntryRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.entries.withdraw(entryId, body.reason, principal);
  }
}
