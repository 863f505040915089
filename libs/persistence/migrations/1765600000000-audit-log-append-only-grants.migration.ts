import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's triggers refuse UPDATE, DELETE and TRUNCATE to everyone; this takes those rights away as well from
 * every role but the table's owner, including rights a deployment granted on all tables by default (`ALTER DEFAULT
 * PRIVILEGES … GRANT … ON TABLES`, as the production topology does for the processes' role). The application role is
 * then refused by PostgreSQL's privileges before any trigger runs.
 */
export class AuditLogAppendOnlyGrants1765600000000 implements MigrationInterface {
  name = 'AuditLogAppendOnlyGrants1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;
        FOR grantee IN
          SELECT DISTINCT privileges.grantee::regrole::text
            FROM pg_class table_row, aclexplode(table_row.relacl) privileges
           WHERE table_row.oid = 'audit_log'::regclass
             AND privileges.grantee <> 0
             AND privileges.grantee <> table_row.relowner
             AND privileges.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')
        LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM %s', grantee);
        END LOOP;
      END $$`);
  }

  async down(): Promise<void> {
    // Rights taken from the audit log are not given back.
  }
}
