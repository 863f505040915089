import type { Language, Role } from '../../domain';
import { UserEntity } from '../entities';
import type { Db } from '../shared/db';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  agencyCode: string | null;
  passwordHash: string;
}

/**
 * Creates the account unless one exists for the e-mail in any letter case (the unique index on lower(email) decides,
 * so of several concurrent requests exactly one inserts). Returns the new id, or null when the e-mail was taken.
 */
export async function insertUserUnlessEmailTaken(db: Db, user: NewUser): Promise<string | null> {
  const rows = await db.query<{ id: string }[]>(
    `INSERT INTO users (email, display_name, role, agency_code, password_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (lower(email)) DO NOTHING RETURNING id`,
    [user.email, user.displayName, user.role, user.agencyCode, user.passwordHash],
  );
  return rows[0]?.id ?? null;
}

export function existingUser(db: Db, userId: string): Promise<UserEntity> {
  return db.getRepository(UserEntity).findOneByOrFail({ id: userId });
}

/** The person's own portal language, or null while they never chose one (or the account is gone). */
export async function userLanguage(db: Db, userId: string): Promise<Language | null> {
  const user = await db
    .getRepository(UserEntity)
    .findOne({ select: { id: true, language: true }, where: { id: userId } });
  return user?.language ?? null;
}

/** Keeps the person's portal language; false when there is no such account. */
export async function setUserLanguage(db: Db, userId: string, language: Language): Promise<boolean> {
  const result = await db.getRepository(UserEntity).update({ id: userId }, { language });
  return (result.affected ?? 0) > 0;
}

export function allUsers(db: Db): Promise<UserEntity[]> {
  return db.getRepository(UserEntity).find({ order: { email: 'ASC' } });
}

/** Accounts read with what other reads leave out: the password hash and the token version. */
function withSecrets(db: Db) {
  return db.getRepository(UserEntity).createQueryBuilder('user').addSelect(['user.passwordHash', 'user.tokenVersion']);
}

/** The account for the e-mail in any letter case, with its password hash and token version. */
export function userWithPasswordByEmail(db: Db, email: string): Promise<UserEntity | null> {
  return withSecrets(db).where('lower(user.email) = lower(:email)', { email }).getOne();
}

/** The same by id. */
export function userWithPasswordById(db: Db, userId: string): Promise<UserEntity | null> {
  return withSecrets(db).where('user.id = :userId', { userId }).getOne();
}

/** What decides whether a token still speaks for its account: null when the account is gone. */
export async function tokenStanding(
  db: Db,
  userId: string,
): Promise<{ tokenVersion: number; disabled: boolean } | null> {
  const [row] = await db.query<{ tokenVersion: number; disabled: boolean }[]>(
    `SELECT token_version AS "tokenVersion", disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
    [userId],
  );
  return row ?? null;
}

/**
 * Changes what an account may do from now on, and ends every token issued before: disabling or enabling it,
 * setting a new password hash, or only ending its sessions. Returns the account's new token version, or null when
 * there is no such account.
 */
export async function changeAccount(
  db: Db,
  userId: string,
  change: { disabled?: boolean; passwordHash?: string },
): Promise<number | null> {
  // An UPDATE answers [rows, count].
  const [[row]] = await db.query<[{ tokenVersion: number }[], number]>(
    `UPDATE users
        SET token_version = token_version + 1,
            disabled_at = CASE WHEN $2::boolean IS NULL THEN disabled_at
                               WHEN $2 THEN coalesce(disabled_at, now()) ELSE NULL END,
            password_hash = coalesce($3, password_hash)
      WHERE id = $1 RETURNING token_version AS "tokenVersion"`,
    [userId, change.disabled ?? null, change.passwordHash ?? null],
  );
  return row?.tokenVersion ?? null;
}

/** The accounts of these e-mail addresses, given lower-cased, whatever the case they were stored in. */
export function usersByEmail(db: Db, lowerCaseEmails: string[]): Promise<UserEntity[]> {
  if (lowerCaseEmails.length === 0) return Promise.resolve([]);
  return db
    .getRepository(UserEntity)
    .createQueryBuilder('user')
    .where('lower(user.email) IN (:...emails)', { emails: lowerCaseEmails })
    .getMany();
}
