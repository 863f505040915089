import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, isAgencyRole, type Principal } from '../../../libs/domain';
import { DB } from '../../../libs/infrastructure';
import { allUsers, changeAccount, existingUser, insertUserUnlessEmailTaken } from '../../../libs/persistence/accounts';
import { agencyExists } from '../../../libs/persistence/agencies/agency-directory';
import type { Db } from '../../../libs/persistence/shared';
import { hashPassword } from './auth.service';
import type { CreateUserRequestDto } from './create-user.request.dto';

@Injectable()
export class UsersService {
  constructor(@Inject(DB) private readonly db: Db) {}

  list() {
    return allUsers(this.db);
  }

  /** An agency account acts for one instansi; the e-mail is unique in any letter case. */
  async create(body: CreateUserRequestDto) {
    if (isAgencyRole(body.role) && !body.agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, `An ${body.role} account needs agencyCode.`, [
        { path: 'agencyCode', message: 'required for the agency and agency-unit roles' },
      ]);
    }
    if (!isAgencyRole(body.role) && body.agencyCode) {
      throw new DomainError(ErrorCode.ValidationFailed, `A ${body.role} account acts for no agency; drop agencyCode.`, [
        { path: 'agencyCode', message: 'only for the agency and agency-unit roles' },
      ]);
    }
    if (body.agencyCode && !(await agencyExists(this.db, body.agencyCode))) {
      throw new DomainError(ErrorCode.AgencyNotFound, `No agency with code "${body.agencyCode}".`, [
        { path: 'agencyCode', message: 'unknown agency' },
      ]);
    }
    const id = await insertUserUnlessEmailTaken(this.db, {
      email: body.email,
      displayName: body.displayName,
      role: body.role,
      agencyCode: body.agencyCode ?? null,
      passwordHash: await hashPassword(body.password),
    });
    if (id === null) {
      throw new DomainError(ErrorCode.UserExists, `An account for ${body.email} already exists.`, [
        { path: 'email', message: 'already has an account' },
      ]);
    }
    return existingUser(this.db, id);
  }

  /** Disables or enables an account, or only ends its sessions; every token issued before stops working. */
  change(userId: string, change: { disabled?: boolean }, by: Principal) {
    return this.changeAnother(
      userId,
      change,
      by,
      'This is your own account; another admin disables it or ends its sessions (change your password on /auth/me/password).',
    );
  }

  async resetPassword(userId: string, newPassword: string, by: Principal) {
    return this.changeAnother(
      userId,
      { passwordHash: await hashPassword(newPassword) },
      by,
      'Change your own password on /auth/me/password, with the current one.',
    );
  }

  /** Never the admin's own account: the secretariat must not lock itself out by a slip. */
  private async changeAnother(
    userId: string,
    change: { disabled?: boolean; passwordHash?: string },
    by: Principal,
    ownAccount: string,
  ) {
    if (userId === by.userId) throw new DomainError(ErrorCode.OwnAccount, ownAccount);
    if ((await changeAccount(this.db, userId, change)) === null) {
      throw new DomainError(ErrorCode.UserNotFound, 'No such account.');
    }
    return existingUser(this.db, userId);
  }
}
