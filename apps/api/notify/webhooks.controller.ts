import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../libs/domain';
import { AgencyDto } from '../agencies/agency.response.dto';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { NotifyCreatedWebhookDto, NotifyRotatedSecretDto, NotifyWebhookEndpointDto } from './notify.response.dto';
import { PreferencesRequestDto } from './preferences.request.dto';
import { CreateWebhookRequestDto } from './webhook-endpoint.request.dto';
import { ROTATION_OVERLAP_HOURS, webhookNotFound, WebhooksService } from './webhooks.service';

const endpointId = () => new ParseUUIDPipe({ exceptionFactory: webhookNotFound });

/** An agency's notification settings: the channels it wants, its language, and its signed webhook endpoints. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('agencies/:code')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Put('preferences')
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Channels (besides the inbox) and language of the agency’s notices' })
  @ApiOkResponse({ type: AgencyDto, description: 'The agency with its new preferences' })
  setPreferences(
    @Param('code') code: string,
    @Body() body: PreferencesRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.setPreferences(code, body, principal);
  }

  @Get('webhooks')
  @Allow('admin', 'agency', 'auditor')
  @ApiOperation({ summary: 'The agency’s webhook endpoints (without secrets)' })
  @ApiOkResponse({ type: [NotifyWebhookEndpointDto] })
  list(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(code, principal);
  }

  @Post('webhooks')
  @Allow('admin', 'agency')
  @ApiOperation({
    summary:
      'Register an endpoint; its signing secret is in this response only (422 for a private or loopback address)',
  })
  @ApiCreatedResponse({ type: NotifyCreatedWebhookDto })
  create(@Param('code') code: string, @Body() body: CreateWebhookRequestDto, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.create(code, body, principal);
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: `A new signing secret; the old one also signs for ${ROTATION_OVERLAP_HOURS} hours` })
  @ApiOkResponse({ type: NotifyRotatedSecretDto })
  rotate(@Param('code') code: string, @Param('id', endpointId()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.rotate(code, id, principal);
  }

  @Post('webhooks/:id/enable')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Turn an endpoint on again, e.g. after a 410 disabled it' })
  @ApiOkResponse({ type: NotifyWebhookEndpointDto })
  enable(@Param('code') code: string, @Param('id', endpointId()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.setStatus(code, id, principal, { status: 'active', disabledReason: null });
  }

  @Post('webhooks/:id/disable')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Stop sending to an endpoint' })
  @ApiOkResponse({ type: NotifyWebhookEndpointDto })
  disable(
    @Param('code') code: string,
    @Param('id', endpointId()) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.webhooks.setStatus(code, id, principal, {
      status: 'disabled',
      disabledReason: `disabled by ${principal.role}`,
    });
  }
}
