import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { AuthConfig } from '../../../libs/config';
import { DomainError, ErrorCode, type Language, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  changeAccount,
  forgetLoginFailures,
  insertUserUnlessEmailTaken,
  recentLoginFailures,
  recordLoginFailure,
  setUserLanguage,
  userLanguage,
  userWithPasswordByEmail,
  userWithPasswordById,
} from '../../../libs/persistence/accounts';
import type { UserEntity } from '../../../libs/persistence/entities';
import { advisoryLock, databaseNow, inTransaction, LockNamespace, type Db } from '../../../libs/persistence/shared';
import { tooMany } from '../common/too-many';
import { AUTH_CONFIG } from './auth-config.token';
import { CredentialsService } from './credentials.service';
import { requireSession } from './require-session';

const BCRYPT_COST = 10;
/**
 * Sign-in throttling, counted per account and client address, so nobody can lock another person out: the right
 * password from a client that has not failed always gets in. A client's first failures at an account are free;
 * after them each attempt waits twice as long as the one before, up to a ceiling. A client failing at many
 * accounts (password spraying) is stopped for the window, whatever account it tries.
 */
export const SIGN_IN_LIMITS = {
  freeFailuresPerAccount: 3,
  firstDelaySeconds: 30,
  longestDelaySeconds: 15 * 60,
  accountWindowMinutes: 24 * 60,
  failuresPerClient: 20,
  clientWindowMinutes: 15,
} as const;
/** Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
const UNKNOWN_USER_HASH = bcrypt.hashSync('tahap-no-such-user', BCRYPT_COST);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, BCRYPT_COST);
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    @Inject(DB) private readonly db: Db,
    private readonly credentials: CredentialsService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    // Several API replicas may start at once; the unique e-mail index lets exactly one insert.
    const inserted = await insertUserUnlessEmailTaken(this.db, {
      email: admin.email,
      displayName: 'Admin',
      role: 'admin',
      agencyCode: null,
      passwordHash: await hashPassword(admin.password),
    });
    if (inserted !== null) this.logger.log(`Created the first admin, ${admin.email}`);
  }

  /** Sign-ins to one account are taken one at a time, so a burst of guesses cannot slip past the limit. */
  async login(email: string, password: string, client: string) {
    const user = await inTransaction(this.db, async (tx) => {
      await advisoryLock(tx, LockNamespace.AccountEmail, email.toLowerCase());
      await this.refuseWhenThrottled(tx, email, client);
      const found = await this.checkPassword(tx, email, password);
      // Recorded in the same transaction, so it commits before the next attempt at this account may look.
      if (!found) {
        await recordLoginFailure(tx, email, client, SIGN_IN_LIMITS.accountWindowMinutes);
      } else await forgetLoginFailures(tx, email, client);
      return found;
    });
    if (!user) throw new DomainError(ErrorCode.AuthInvalidCredentials, 'E-mail or password is wrong.');
    // Said only to whoever knows the password, so it tells a stranger nothing about which accounts exist.
    if (user.disabledAt) {
      throw new DomainError(
        ErrorCode.AuthAccountDisabled,
        'This account has been disabled by the secretariat; ask them to enable it again.',
      );
    }
    return this.session(user);
  }

  /** A person's new password: the current one proves it is them; every token issued before stops working. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string) {
    requireSession(principal);
    const user = await userWithPasswordById(this.db, principal.userId);
    if (!user || !(await bcrypt.compare(currentPassword, user.passwordHash))) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The current password is wrong; nothing was changed.', [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    if (currentPassword === newPassword) {
      throw new DomainError(ErrorCode.ValidationFailed, 'The new password is the current one; choose another.', [
        { path: 'newPassword', message: 'must differ from the current password' },
      ]);
    }
    const tokenVersion = await changeAccount(this.db, user.id, { passwordHash: await hashPassword(newPassword) });
    // A fresh session, so the person who changed it stays signed in here while every other session ends.
    return this.session({ ...user, tokenVersion: tokenVersion! });
  }

  /** Who the caller is, with the portal language the person chose (null while they never chose one). */
  async me(principal: Principal) {
    return { ...principal, language: await userLanguage(this.db, principal.userId) };
  }

  /** The person's own portal language; only a signed-in person sets it, never an agency's API key. */
  async setLanguage(principal: Principal, language: Language) {
    requireSession(principal);
    if (!(await setUserLanguage(this.db, principal.userId, language))) {
      throw new DomainError(ErrorCode.AuthRequired, 'This account no longer exists; sign in again.');
    }
    return { ...principal, language };
  }

  private async checkPassword(tx: Db, email: string, password: string): Promise<UserEntity | undefined> {
    const user = await userWithPasswordByEmail(tx, email);
    const matches = await bcrypt.compare(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
    return user && matches ? user : undefined;
  }

  private session(user: UserEntity) {
    const principal: Omit<Principal, 'via'> = {
      userId: user.id,
      role: user.role,
      agencyCode: user.agencyCode ?? undefined,
    };
    return {
      ...this.credentials.issueToken(principal, user.tokenVersion),
      tokenType: 'Bearer',
      user: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        agencyCode: user.agencyCode,
      },
    };
  }

  private async refuseWhenThrottled(tx: Db, email: string, client: string): Promise<void> {
    const limits = SIGN_IN_LIMITS;
    const found = await recentLoginFailures(tx, email, client, {
      accountMinutes: limits.accountWindowMinutes,
      clientMinutes: limits.clientWindowMinutes,
    });
    const waits: Date[] = [];
    if (found.pair >= limits.freeFailuresPerAccount) {
      const delay = Math.min(
        limits.firstDelaySeconds * 2 ** (found.pair - limits.freeFailuresPerAccount),
        limits.longestDelaySeconds,
      );
      waits.push(new Date(found.lastPair!.getTime() + delay * 1000));
    }
    if (found.client >= limits.failuresPerClient) {
      waits.push(new Date(found.oldestClient!.getTime() + limits.clientWindowMinutes * 60_000));
    }
    const retryAt = new Date(Math.max(0, ...waits.map((wait) => wait.getTime())));
    const now = await databaseNow(tx);
    if (retryAt > now) throw tooMany(ErrorCode.AuthTooManyAttempts, 'Too many failed sign-ins from here', retryAt, now);
  }
}
