import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { apiKeysOf, insertApiKey, revokeApiKey } from '../../../libs/persistence/accounts';
import type { Db } from '../../../libs/persistence/shared';
import { agencyVisibleTo } from '../agencies/agency-access';
import { sha256 } from './credentials.service';
import { requireSession } from './require-session';

/** Agencies' own systems call the API with a key; the key is shown once and only its digest is stored. */
@Injectable()
export class ApiKeysService {
  constructor(@Inject(DB) private readonly db: Db) {}

  async list(code: string, principal: Principal) {
    await agencyVisibleTo(this.db, code, principal);
    return apiKeysOf(this.db, code);
  }

  async create(code: string, name: string, principal: Principal) {
    requireSession(principal);
    await agencyVisibleTo(this.db, code, principal);
    const key = `thp_${randomBytes(32).toString('base64url')}`;
    const saved = await insertApiKey(this.db, {
      agencyCode: code,
      name,
      secretSha256: sha256(key),
      createdBy: principal.userId,
    });
    return { id: saved.id, name: saved.name, agencyCode: code, key };
  }

  async revoke(code: string, id: string, principal: Principal) {
    requireSession(principal);
    await agencyVisibleTo(this.db, code, principal);
    if (!(await revokeApiKey(this.db, code, id))) throw apiKeyNotFound();
    return { id, revoked: true };
  }
}

export function apiKeyNotFound(): DomainError {
  return new DomainError(ErrorCode.ApiKeyNotFound, 'No such API key for this agency.');
}
