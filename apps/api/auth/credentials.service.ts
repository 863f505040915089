import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import type { AuthConfig } from '../../../libs/config';
import { DomainError, ErrorCode, isRole, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { activeApiKeyByDigest, tokenStanding } from '../../../libs/persistence/accounts';
import type { Db } from '../../../libs/persistence/shared';
import { AUTH_CONFIG } from './auth-config.token';

/** Pinned: a token naming any other algorithm (including `none`) is refused. */
const ALGORITHM = 'HS256';
const ISSUER = 'tahap';
const AUDIENCE = 'tahap-api';

interface TokenClaims {
  sub: string;
  role: string;
  agency?: string;
  /** The account's token version when it was issued; a disable, a forced sign-out or a new password raises it. */
  ver: number;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Turns a request's credentials (a login token or an agency API key) into the caller, or refuses with 401. */
@Injectable()
export class CredentialsService {
  constructor(
    @Inject(DB) private readonly db: Db,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  issueToken(principal: Omit<Principal, 'via'>, tokenVersion: number): { accessToken: string; expiresIn: number } {
    const expiresIn = this.config.accessTokenMinutes * 60;
    const claims: Omit<TokenClaims, 'sub'> = { role: principal.role, agency: principal.agencyCode, ver: tokenVersion };
    const accessToken = jwt.sign(claims, this.config.jwtSecret, {
      algorithm: ALGORITHM,
      expiresIn,
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: principal.userId,
    });
    return { accessToken, expiresIn };
  }

  async principalOf(request: Request): Promise<Principal> {
    const apiKey = request.header('x-api-key');
    if (apiKey) return this.fromApiKey(apiKey);
    const authorization = request.header('authorization') ?? '';
    const [scheme, token] = authorization.split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new DomainError(
        ErrorCode.AuthRequired,
        'Sign in first: send "Authorization: Bearer <token>" from POST /auth/login, or an agency\'s "X-Api-Key".',
      );
    }
    return this.fromToken(token);
  }

  /** A valid signature is not enough: the account must still exist, be enabled, and not have ended its sessions. */
  private async fromToken(token: string): Promise<Principal> {
    let claims: TokenClaims;
    try {
      claims = jwt.verify(token, this.config.jwtSecret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      }) as TokenClaims;
    } catch (error) {
      const expired = error instanceof jwt.TokenExpiredError;
      throw new DomainError(
        ErrorCode.AuthRequired,
        expired ? 'Your session has expired; sign in again.' : 'The token is not valid; sign in again.',
      );
    }
    if (!isRole(claims.role) || typeof claims.sub !== 'string' || typeof claims.ver !== 'number') {
      throw new DomainError(ErrorCode.AuthRequired, 'The token is not valid; sign in again.');
    }
    const standing = await tokenStanding(this.db, claims.sub);
    if (!standing || standing.disabled || standing.tokenVersion !== claims.ver) {
      throw new DomainError(
        ErrorCode.AuthRequired,
        standing?.disabled
          ? 'This account has been disabled by the secretariat.'
          : 'This session has ended (signed out, or the password changed); sign in again.',
      );
    }
    return { userId: claims.sub, role: claims.role, agencyCode: claims.agency, via: 'session' };
  }

  private async fromApiKey(key: string): Promise<Principal> {
    const found = await activeApiKeyByDigest(this.db, sha256(key));
    if (!found) throw new DomainError(ErrorCode.AuthRequired, 'The API key is unknown or revoked.');
    return { userId: found.createdBy, role: 'agency', agencyCode: found.agencyCode, via: 'api-key' };
  }
}
