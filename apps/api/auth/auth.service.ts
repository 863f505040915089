import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import type { AuthConfig } from '../../../libs/config';
import { DomainError, ErrorCode, formatInZone, type Language, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import {
  insertUserUnlessEmailTaken,
  recentLoginFailures,
  recordLoginFailure,
  setUserLanguage,
  userLanguage,
  userWithPasswordByEmail,
} from '../../../libs/persistence/accounts';
import type { UserEntity } from '../../../libs/persistence/entities';
import { advisoryLock, inTransaction, LockNamespace, type Db } from '../../../libs/persistence/shared';
import { AUTH_CONFIG } from './auth-config.token';
import { CredentialsService } from './credentials.service';
import { requireSession } from './require-session';

const BCRYPT_COST = 10;
/** Failed logins allowed per account, and per client address, within the window before refusing for a while. */
const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_CLIENT = 20;
const FAILURE_WINDOW_MINUTES = 15;
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
      if (!found) await recordLoginFailure(tx, email, client);
      return found;
    });
    if (!user) throw new DomainError(ErrorCode.AuthInvalidCredentials, 'E-mail or password is wrong.');
    return this.session(user);
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
      ...this.credentials.issueToken(principal),
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
    const row = await recentLoginFailures(tx, email, client, FAILURE_WINDOW_MINUTES);
    if (row.account >= FAILURES_PER_ACCOUNT || row.client >= FAILURES_PER_CLIENT) {
      const retryAt = new Date(row.oldest!.getTime() + FAILURE_WINDOW_MINUTES * 60_000);
      throw new DomainError(
        ErrorCode.AuthTooManyAttempts,
        `Too many failed sign-ins; try again after ${formatInZone(retryAt, 'WIB')}.`,
      );
    }
  }
}
