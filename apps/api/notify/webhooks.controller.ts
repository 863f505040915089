import { randomBytes } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { TAHAP_CONFIG } from '../../../libs/infrastructure';
import { webhookHostProblem } from '../../../libs/notify';
import { AgencyEntity, WebhookEndpointEntity } from '../../../libs/persistence';
import { agencyVisibleTo } from '../agencies/agency-access';
import { Allow } from '../auth/access.decorator';
import { CurrentPrincipal } from '../auth/principal.decorator';
import { requireSession } from '../auth/require-session';
import { PreferencesRequestDto } from './preferences.request.dto';
import { CreateWebhookRequestDto } from './webhook-endpoint.request.dto';

/** During a rotation the old secret keeps signing this long, so the receiver can switch without losing a notice. */
const ROTATION_OVERLAP_HOURS = 24;

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
const notFound = () => new DomainError(ErrorCode.WebhookNotFound, 'No such webhook endpoint for this agency.');

/** An agency's notification settings: the channels it wants, its language, and its signed webhook endpoints. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('agencies/:code')
export class WebhooksController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  @Put('preferences')
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Channels (besides the inbox) and language of the agency’s notices' })
  async setPreferences(
    @Param('code') code: string,
    @Body() body: PreferencesRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireSession(principal);
    await agencyVisibleTo(this.dataSource, code, principal);
    await this.dataSource
      .getRepository(AgencyEntity)
      .update({ code }, { channels: body.channels, language: body.language });
    return agencyVisibleTo(this.dataSource, code, principal);
  }

  @Get('webhooks')
  @Allow('admin', 'agency', 'auditor')
  @ApiOperation({ summary: 'The agency’s webhook endpoints (without secrets)' })
  async list(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    await agencyVisibleTo(this.dataSource, code, principal);
    return this.dataSource
      .getRepository(WebhookEndpointEntity)
      .find({ where: { agencyCode: code }, order: { createdAt: 'ASC' } });
  }

  @Post('webhooks')
  @Allow('admin', 'agency')
  @ApiOperation({
    summary:
      'Register an endpoint; its signing secret is in this response only (422 for a private or loopback address)',
  })
  async create(
    @Param('code') code: string,
    @Body() body: CreateWebhookRequestDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireSession(principal);
    await agencyVisibleTo(this.dataSource, code, principal);
    const problem = await webhookHostProblem(body.url, this.config.notify.webhooksAllowPrivate);
    if (problem) {
      throw new DomainError(ErrorCode.WebhookUrlRefused, `The webhook URL is refused: ${problem}.`, [
        { path: 'url', message: problem },
      ]);
    }
    const secret = newSecret();
    const saved = await this.dataSource.getRepository(WebhookEndpointEntity).save({
      agencyCode: code,
      url: body.url,
      secret,
      status: 'active',
      previousSecret: null,
      previousSecretUntil: null,
      disabledReason: null,
    });
    return { id: saved.id, url: saved.url, status: saved.status, secret };
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: `A new signing secret; the old one also signs for ${ROTATION_OVERLAP_HOURS} hours` })
  async rotate(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    requireSession(principal);
    const endpoint = await this.endpoint(code, id, principal);
    const secret = newSecret();
    const previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000);
    // Only if nobody rotated meanwhile: otherwise the secret handed out here would never be the one that signs.
    const result = await this.dataSource
      .getRepository(WebhookEndpointEntity)
      .update(
        { id: endpoint.id, secret: endpoint.secret },
        { secret, previousSecret: endpoint.secret, previousSecretUntil },
      );
    if (!result.affected) {
      throw new DomainError(
        ErrorCode.ConcurrentChange,
        'The secret was rotated by another request just now; try again.',
      );
    }
    return { id, secret, previousSecretValidUntil: previousSecretUntil };
  }

  @Post('webhooks/:id/enable')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Turn an endpoint on again, e.g. after a 410 disabled it' })
  enable(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.setStatus(code, id, principal, { status: 'active', disabledReason: null });
  }

  @Post('webhooks/:id/disable')
  @HttpCode(200)
  @Allow('admin', 'agency')
  @ApiOperation({ summary: 'Stop sending to an endpoint' })
  disable(
    @Param('code') code: string,
    @Param('id', new ParseUUIDPipe({ exceptionFactory: notFound })) id: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.setStatus(code, id, principal, { status: 'disabled', disabledReason: `disabled by ${principal.role}` });
  }

  private async setStatus(
    code: string,
    id: string,
    principal: Principal,
    change: Pick<WebhookEndpointEntity, 'status' | 'disabledReason'>,
  ) {
    requireSession(principal);
    await this.endpoint(code, id, principal);
    await this.dataSource.getRepository(WebhookEndpointEntity).update({ id }, change);
    return this.dataSource.getRepository(WebhookEndpointEntity).findOneByOrFail({ id });
  }

  private async endpoint(code: string, id: string, principal: Principal): Promise<WebhookEndpointEntity> {
    await agencyVisibleTo(this.dataSource, code, principal);
    const endpoint = await this.dataSource
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('endpoint')
      .addSelect('endpoint.secret')
      .where('endpoint.id = :id AND endpoint.agencyCode = :code', { id, code })
      .getOne();
    if (!endpoint) throw notFound();
    return endpoint;
  }
}
