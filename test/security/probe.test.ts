import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { createScratchDatabase, type ScratchDatabase } from '../../libs/persistence/scratch-database';
import { EXPECTED } from '../support/access-expectations';
import { ADMIN_DATABASE_URL } from '../support/admin-database';
import { JWT_SECRET, Stack, type Caller } from '../support/stack';

jest.setTimeout(300_000);

interface Operation {
  method: string;
  /** As `stack.request` takes it: from the API's base, `{name}` for each path parameter. */
  path: string;
  query: string[];
  body?: Record<string, SchemaObject>;
}
interface SchemaObject {
  type?: string;
  $ref?: string;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
}

/** Text no field of Tahap accepts, or accepts only as an inert value: each must be refused or found absent. */
const HOSTILE_TEXT: Record<string, string> = {
  NUL: 'a\u0000b',
  '100 kB': 'x'.repeat(100_000),
  '20 kB': 'y'.repeat(20_000),
  SQL: "' OR 1=1; DROP TABLE entries; --",
  'visibility query': "x' OR WorkflowType != 'y",
  'path traversal': '../../../../etc/passwd',
};
/** Raw bodies that a JSON parser turns into prototype keys. */
const PROTOTYPE_BODIES = ['{"__proto__": {"role": "admin"}}', '{"constructor": {"prototype": {"role": "admin"}}}'];
const NUMERIC_PARAMS = new Set(['noticeId', 'version', 'sequence', 'index']);

/** A well-formed value of a path parameter that names nothing in the probe's empty database. */
const absent = (name: string) => (NUMERIC_PARAMS.has(name) ? '999999' : '00000000-0000-4000-8000-000000000000');

/**
 * Every route of the OpenAPI document, probed the way an attacker would: with every kind of bad token, and with
 * malformed and hostile input. It runs on a database of its own, so "writes nothing" is checked exactly: every
 * table's row count is the same after the probes as before.
 */
describe('[security] probe: every route, bad tokens and hostile input', () => {
  let database: ScratchDatabase;
  let stack: Stack;
  let operations: Operation[];

  beforeAll(async () => {
    database = await createScratchDatabase(ADMIN_DATABASE_URL, `tahap_probe_${process.pid}`, 'TEST_DATABASE_ADMIN_URL');
    stack = await new Stack('security-probe', { DATABASE_URL: database.url }).start();
    const { body: document } = await stack.request('GET', '/docs-json', undefined, 'anonymous');
    operations = operationsOf(document);
  });
  afterAll(async () => {
    await stack?.stop();
    await database?.drop();
  });

  const fill = (path: string, value?: (name: string) => string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value ? value(name) : absent(name)));

  it('[security] every route that is not public answers 401 to no token, an expired one, one signed with another key, alg none, a disabled account and an ended session', async () => {
    const claims = jwt.decode((stack.admin as { token: string }).token) as jwt.JwtPayload;
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const disabled = await stack.account('admin');
    expect((await stack.request('POST', `/users/${disabled.userId}/disable`)).status).toBe(200);
    const ended = await stack.account('admin');
    expect((await stack.request('POST', `/users/${ended.userId}/sign-out`)).status).toBe(200);
    const callers: Record<string, Caller> = {
      'no token': 'anonymous',
      'an expired token': { token: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, JWT_SECRET) },
      'a token signed with another key': { token: jwt.sign(claims, `${JWT_SECRET}-but-another-one`) },
      'alg none': { token: `${header}.${payload}.` },
      'a disabled account': disabled,
      'an ended session': ended,
      'a token that is no JWT': { token: 'not-a-token' },
    };
    const mismatches: string[] = [];
    let probed = 0;
    for (const operation of operations.filter((candidate) => route(candidate).allow !== 'public')) {
      for (const [what, caller] of Object.entries(callers)) {
        const body = operation.method === 'GET' ? undefined : {};
        const answer = await stack.request(operation.method, fill(operation.path), body, caller);
        const { status } = answer;
        probed += 1;
        if (status !== 401 || typeof answer.body?.message !== 'string') {
          mismatches.push(`${operation.method} ${operation.path} with ${what}: ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(probed).toBeGreaterThan(100 * Object.keys(callers).length);
  });

  it('[security] malformed and hostile input in paths, queries and bodies answers 4xx, never 5xx, and writes nothing', async () => {
    const before = await rowCounts(stack.db);
    const problems: string[] = [];
    const expect4xx = (what: string, status: number) => {
      if (status < 400 || status >= 500) problems.push(`${what}: ${status}`);
    };
    for (const operation of operations) {
      const name = `${operation.method} ${operation.path}`;
      const write = operation.method !== 'GET';
      if (operation.path.includes('{')) {
        for (const [what, text] of Object.entries(HOSTILE_TEXT)) {
          if (text.length > 8_000) continue; // a URL that long is refused by the HTTP server before the API
          const { status } = await stack.request(
            operation.method,
            fill(operation.path, () => text),
            write ? {} : undefined,
          );
          expect4xx(`${name}, a path parameter of ${what}`, status);
        }
      }
      for (const parameter of operation.query) {
        for (const [what, text] of Object.entries(HOSTILE_TEXT)) {
          if (text.length > 8_000) continue;
          const url = `${fill(operation.path)}?${parameter}=${encodeURIComponent(text)}`;
          const { status } = await stack.request(operation.method, url, write ? {} : undefined);
          if (status >= 500) problems.push(`${name}, ?${parameter} of ${what}: ${status}`);
        }
      }
      if (!write) continue;
      const malformed = await send(stack, operation.method, fill(operation.path), '{"title": ');
      expect4xx(`${name}, a body that is not JSON`, malformed);
      for (const raw of PROTOTYPE_BODIES) {
        expect4xx(`${name}, ${raw}`, await send(stack, operation.method, fill(operation.path), raw));
      }
      for (const [what, text] of Object.entries(HOSTILE_TEXT)) {
        const body = hostileBody(operation.body ?? {}, text);
        const { status } = await stack.request(operation.method, fill(operation.path), body);
        expect4xx(`${name}, every field ${what}`, status);
      }
    }
    expect(problems).toEqual([]);
    expect(await rowCounts(stack.db)).toEqual(before);
  });

  function route(operation: Operation) {
    const expectation = EXPECTED[`${operation.method} ${operation.path}`];
    if (!expectation)
      throw new Error(`${operation.method} ${operation.path} is not in test/support/access-expectations.ts`);
    return expectation;
  }
});

/** The document's operations, with their query parameters and the top-level fields of their JSON body. */
function operationsOf(document: {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: any }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}): Operation[] {
  const schemas = document.components?.schemas ?? {};
  const resolve = (schema: SchemaObject | undefined): SchemaObject | undefined =>
    schema?.$ref ? schemas[schema.$ref.split('/').pop()!] : schema;
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.replace(/^\/api\//, '/'),
      query: (operation.parameters ?? []).filter((parameter) => parameter.in === 'query').map((p) => p.name),
      body: resolve(operation.requestBody?.content?.['application/json']?.schema)?.properties,
    })),
  );
}

/** A body with every field the schema declares, each string (or list of strings) carrying the hostile text. */
function hostileBody(fields: Record<string, SchemaObject>, text: string): Record<string, unknown> {
  const value = (schema: SchemaObject): unknown =>
    schema.type === 'integer' || schema.type === 'number'
      ? 1
      : schema.type === 'boolean'
        ? true
        : schema.type === 'array'
          ? [schema.items?.type === 'string' ? text : {}]
          : schema.type === 'object' || schema.$ref
            ? {}
            : text;
  return Object.fromEntries(Object.entries(fields).map(([name, schema]) => [name, value(schema)]));
}

/** Sends a raw JSON body as the admin; answers the status. */
async function send(stack: Stack, method: string, path: string, raw: string): Promise<number> {
  const response = await fetch(`${stack.baseUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${(stack.admin as { token: string }).token}`,
    },
    body: raw,
  });
  await response.arrayBuffer();
  return response.status;
}

/** Every table of the probe's database with its row count. */
async function rowCounts(db: DataSource): Promise<Record<string, number>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM "${name}"`);
    counts[name] = count;
  }
  return counts;
}
