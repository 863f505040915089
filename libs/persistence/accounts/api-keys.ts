import { IsNull } from 'typeorm';
import { ApiKeyEntity } from '../entities';
import type { Db } from '../shared/db';

/** The agency's keys, oldest first, without their digests. */
export function apiKeysOf(db: Db, agencyCode: string): Promise<ApiKeyEntity[]> {
  return db.getRepository(ApiKeyEntity).find({ where: { agencyCode }, order: { createdAt: 'ASC' } });
}

export function insertApiKey(
  db: Db,
  key: { agencyCode: string; name: string; secretSha256: string; createdBy: string },
): Promise<ApiKeyEntity> {
  return db.getRepository(ApiKeyEntity).save({ ...key, revokedAt: null });
}

/** Revokes the agency's key now; false when it has no such key not yet revoked. */
export async function revokeApiKey(db: Db, agencyCode: string, id: string): Promise<boolean> {
  const result = await db
    .getRepository(ApiKeyEntity)
    .update({ id, agencyCode, revokedAt: IsNull() }, { revokedAt: new Date() });
  return Boolean(result.affected);
}

/** The key with this digest, unless it was revoked. */
export function activeApiKeyByDigest(db: Db, secretSha256: string): Promise<ApiKeyEntity | null> {
  return db.getRepository(ApiKeyEntity).findOneBy({ secretSha256, revokedAt: IsNull() });
}
