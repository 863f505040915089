import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The portal language a person chose, kept with the account so it follows them to another browser. Null until they
 * choose: the portal then falls back to their agency's language (or Indonesian).
 */
export class UserLanguage1765200000000 implements MigrationInterface {
  name = 'UserLanguage1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE users ADD COLUMN language text CONSTRAINT users_language_check CHECK (language IN ('id','en'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN language`);
  }
}
