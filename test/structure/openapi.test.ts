import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { nodeArgs } from '../support/process';
import { testEnv } from '../support/test-env';
import { eventually, Stack } from '../support/stack';

const CLIENT_SCHEMA_PATH = resolve(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'schema.d.ts');

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref?: string } }> } }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

describe('[structure] the OpenAPI document describes each route as it is', () => {
  const stack = new Stack('structure-openapi');
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('[structure] every request body has a schema of its own name (interview and plenary attendance differ), and Swagger warns of nothing at start', async () => {
    const document = (await (await fetch(`${stack.baseUrl}/docs-json`)).json()) as OpenApiDocument;
    const bodyOf = (method: string, path: string) => {
      const ref = document.paths[path][method].requestBody!.content['application/json'].schema.$ref!;
      const name = ref.split('/').at(-1)!;
      return { name, properties: Object.keys(document.components.schemas[name].properties ?? {}) };
    };
    expect(bodyOf('post', '/api/entries/{entryId}/interview/attendance')).toEqual({
      name: 'InterviewAttendanceRequestDto',
      properties: ['attendance'],
    });
    expect(bodyOf('post', '/api/cycles/{cycleId}/plenary/attendance')).toEqual({
      name: 'PlenaryAttendanceRequestDto',
      properties: ['panelistId', 'present'],
    });
    // Every request body names a schema the document holds.
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const ref = operation.requestBody?.content['application/json']?.schema.$ref;
        if (ref)
          expect([`${method} ${path}`, ref.split('/').at(-1)! in document.components.schemas]).toEqual([
            `${method} ${path}`,
            true,
          ]);
      }
    }
    // The document is built at start, before the API says it listens; a duplicate name is warned of there.
    const log = await eventually('the API’s start in its log', async () => {
      const text = stack.log('api');
      return text.includes('Tahap API listening') ? text : undefined;
    });
    expect(log).not.toMatch(/Duplicate DTO/);
  });

  it('[structure] the portal’s typed client is generated from the document the running API serves', async () => {
    // The generator runs as its own process: openapi-typescript's dependencies are ES modules, which jest cannot load.
    const check = (file: string) =>
      promisify(execFile)(
        process.execPath,
        [...nodeArgs('scripts/web-client.ts'), '--check', '--from', `${stack.baseUrl}/docs-json`],
        {
          cwd: resolve(__dirname, '..', '..'),
          env: { ...process.env, TAHAP_CLIENT_SCHEMA: file },
        },
      );
    // Should this fail: `npm run web:client`, then commit apps/web/src/api/schema.d.ts with the API change.
    await expect(check(CLIENT_SCHEMA_PATH)).resolves.toMatchObject({
      stdout: 'The portal’s API client matches the API.\n',
    });
    // The check can fail: a client one route short of the API is refused.
    const drifted = join(testEnv('scratch'), 'drifted-schema.d.ts');
    writeFileSync(
      drifted,
      readFileSync(CLIENT_SCHEMA_PATH, 'utf8').replace('"/api/drafts": {', '"/api/drafts-gone": {'),
    );
    await expect(check(drifted)).rejects.toMatchObject({ stderr: expect.stringContaining('out of date with the API') });
  });
});
