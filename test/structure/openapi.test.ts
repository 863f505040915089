import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { CLIENT_SCHEMA_PATH, clientSchemaOf } from '../../scripts/web-client';
import { eventually, Stack } from '../support/stack';

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
    const served = (await (await fetch(`${stack.baseUrl}/docs-json`)).json()) as OpenAPIObject;
    // Should this fail: `npm run web:client`, then commit apps/web/src/api/schema.d.ts with the API change.
    expect(await clientSchemaOf(served)).toBe(readFileSync(CLIENT_SCHEMA_PATH, 'utf8'));
  });
});
