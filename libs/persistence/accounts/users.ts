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

/** The account for the e-mail in any letter case, with its password hash (which other reads leave out). */
export function userWithPasswordByEmail(db: Db, email: string): Promise<UserEntity | null> {
  return db
    .getRepository(UserEntity)
    .createQueryBuilder('user')
    .addSelect('user.passwordHash')
    .where('lower(user.email) = lower(:email)', { email })
    .getOne();
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
