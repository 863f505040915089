/** Where the suites get a database: a server we only create a fresh, uniquely named database in, and drop after. */
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
