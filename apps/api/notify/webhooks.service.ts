import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TahapConfig } from '../../../libs/config';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { DB, TAHAP_CONFIG } from '../../../libs/infrastructure';
import { webhookHostProblem } from '../../../libs/notify';
import type { Db, WebhookEndpointEntity } from '../../../libs/persistence';
import {
  agencyWebhookEndpointWithSecret,
  insertWebhookEndpoint,
  rotateWebhookSecret,
  setNotificationPreferences,
  updateWebhookEndpoint,
  webhookEndpointOrFail,
  webhookEndpointsOfAgency,
} from '../../../libs/persistence/notify';
import { agencyVisibleTo } from '../agencies/agency-access';
import { requireSession } from '../auth/require-session';
import type { PreferencesRequestDto } from './preferences.request.dto';
import type { CreateWebhookRequestDto } from './webhook-endpoint.request.dto';

/** During a rotation the old secret keeps signing this long, so the receiver can switch without losing a notice. */
export const ROTATION_OVERLAP_HOURS = 24;

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;
export const webhookNotFound = () =>
  new DomainError(ErrorCode.WebhookNotFound, 'No such webhook endpoint for this agency.');

/** An agency's notification settings: the channels it wants, its language, and its signed webhook endpoints. */
@Injectable()
export class WebhooksService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(TAHAP_CONFIG) private readonly config: TahapConfig,
  ) {}

  private visibleAgency(code: string, principal: Principal) {
    return agencyVisibleTo(this.db, code, principal);
  }

  async setPreferences(code: string, body: PreferencesRequestDto, principal: Principal) {
    requireSession(principal);
    await this.visibleAgency(code, principal);
    await setNotificationPreferences(this.db, code, { channels: body.channels, language: body.language });
    return this.visibleAgency(code, principal);
  }

  async list(code: string, principal: Principal) {
    await this.visibleAgency(code, principal);
    return webhookEndpointsOfAgency(this.db, code);
  }

  async create(code: string, body: CreateWebhookRequestDto, principal: Principal) {
    requireSession(principal);
    await this.visibleAgency(code, principal);
    const problem = await webhookHostProblem(body.url, this.config.notify.webhooksAllowPrivate);
    if (problem) {
      throw new DomainError(ErrorCode.WebhookUrlRefused, `The webhook URL is refused: ${problem}.`, [
        { path: 'url', message: problem },
      ]);
    }
    const secret = newSecret();
    const saved = await insertWebhookEndpoint(this.db, {
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

  async rotate(code: string, id: string, principal: Principal) {
    requireSession(principal);
    const endpoint = await this.endpoint(code, id, principal);
    const secret = newSecret();
    const previousSecretUntil = new Date(Date.now() + ROTATION_OVERLAP_HOURS * 3_600_000);
    // Only if nobody rotated meanwhile: otherwise the secret handed out here would never be the one that signs.
    const rotated = await rotateWebhookSecret(this.db, endpoint.id, endpoint.secret, {
      secret,
      previousSecret: endpoint.secret,
      previousSecretUntil,
    });
    if (!rotated) {
      throw new DomainError(
        ErrorCode.ConcurrentChange,
        'The secret was rotated by another request just now; try again.',
      );
    }
    return { id, secret, previousSecretValidUntil: previousSecretUntil };
  }

  async setStatus(
    code: string,
    id: string,
    principal: Principal,
    change: Pick<WebhookEndpointEntity, 'status' | 'disabledReason'>,
  ) {
    requireSession(principal);
    await this.endpoint(code, id, principal);
    await updateWebhookEndpoint(this.db, id, change);
    return webhookEndpointOrFail(this.db, id);
  }

  private async endpoint(code: string, id: string, principal: Principal): Promise<WebhookEndpointEntity> {
    await this.visibleAgency(code, principal);
    const endpoint = await agencyWebhookEndpointWithSecret(this.db, code, id);
    if (!endpoint) throw webhookNotFound();
    return endpoint;
  }
}
