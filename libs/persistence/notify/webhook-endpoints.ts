import { In } from 'typeorm';
import { WebhookEndpointEntity } from '../entities';
import type { Db } from '../shared/db';

export type WebhookEndpointChange = Partial<
  Pick<WebhookEndpointEntity, 'status' | 'disabledReason' | 'secret' | 'previousSecret' | 'previousSecretUntil'>
>;

/** The active endpoints of these agencies (without secrets). */
export function activeWebhookEndpointsOf(db: Db, agencyCodes: string[]): Promise<WebhookEndpointEntity[]> {
  return db.getRepository(WebhookEndpointEntity).findBy({ agencyCode: In(agencyCodes), status: 'active' });
}

/** The endpoint with both its signing secrets, or TypeORM's EntityNotFoundError. */
export function webhookEndpointWithSecretsOrFail(db: Db, id: string): Promise<WebhookEndpointEntity> {
  return db
    .getRepository(WebhookEndpointEntity)
    .createQueryBuilder('endpoint')
    .addSelect(['endpoint.secret', 'endpoint.previousSecret'])
    .where('endpoint.id = :id', { id })
    .getOneOrFail();
}

/** The agency's endpoint with its current secret, or null when the agency has no such endpoint. */
export function agencyWebhookEndpointWithSecret(db: Db, agencyCode: string, id: string) {
  return db
    .getRepository(WebhookEndpointEntity)
    .createQueryBuilder('endpoint')
    .addSelect('endpoint.secret')
    .where('endpoint.id = :id AND endpoint.agencyCode = :code', { id, code: agencyCode })
    .getOne();
}

/** An agency's endpoints (without secrets), oldest first. */
export function webhookEndpointsOfAgency(db: Db, agencyCode: string): Promise<WebhookEndpointEntity[]> {
  return db.getRepository(WebhookEndpointEntity).find({ where: { agencyCode }, order: { createdAt: 'ASC' } });
}

export function webhookEndpointOrFail(db: Db, id: string): Promise<WebhookEndpointEntity> {
  return db.getRepository(WebhookEndpointEntity).findOneByOrFail({ id });
}

export function insertWebhookEndpoint(
  db: Db,
  endpoint: Pick<
    WebhookEndpointEntity,
    'agencyCode' | 'url' | 'secret' | 'status' | 'previousSecret' | 'previousSecretUntil' | 'disabledReason'
  >,
): Promise<WebhookEndpointEntity> {
  return db.getRepository(WebhookEndpointEntity).save(endpoint);
}

export async function updateWebhookEndpoint(db: Db, id: string, change: WebhookEndpointChange): Promise<void> {
  await db.getRepository(WebhookEndpointEntity).update({ id }, change);
}

/** Replaces the secret only if it is still `currentSecret`; false when another rotation came first. */
export async function rotateWebhookSecret(
  db: Db,
  id: string,
  currentSecret: string,
  change: Required<Pick<WebhookEndpointChange, 'secret' | 'previousSecret' | 'previousSecretUntil'>>,
): Promise<boolean> {
  const result = await db.getRepository(WebhookEndpointEntity).update({ id, secret: currentSecret }, change);
  return Boolean(result.affected);
}
