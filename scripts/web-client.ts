import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { readFileSync, writeFileSync } from 'node:fs';
import { ApiModule } from '../apps/api/api.module';
import { openApiDocument } from '../apps/api/bootstrap';
import { API_PREFIX } from '../apps/api/portal/api-prefix';
import { loadAuthConfig, loadConfig } from '../libs/config';
import { CLIENT_SCHEMA_PATH, clientSchemaOf } from './client-schema';

/** The API's OpenAPI document, read from the code without a database or Temporal (Nest's preview mode). */
export async function currentOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
  });
  const auth = loadAuthConfig({ JWT_SECRET: 'preview-only-'.padEnd(40, 'x') });
  const app = await NestFactory.create(ApiModule.forRoot(config, auth), { preview: true, logger: false });
  app.setGlobalPrefix(API_PREFIX);
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}

/**
 * `npm run web:client` writes the client's types from the document of the code as `tsc` compiles it for production:
 * ts-node's transpile-only mode emits other decorator metadata, so Swagger would describe some properties otherwise.
 * With `--check` it only compares them with the committed file and fails on any difference; `--from <url>` reads the
 * document a running API serves.
 */
if (require.main === module) {
  void (async () => {
    const from = process.argv.indexOf('--from');
    const document =
      from > 0
        ? ((await (await fetch(process.argv[from + 1])).json()) as OpenAPIObject)
        : await currentOpenApiDocument();
    const generated = await clientSchemaOf(document);
    if (process.argv.includes('--check')) {
      if (readFileSync(CLIENT_SCHEMA_PATH, 'utf8') !== generated) {
        console.error(`${CLIENT_SCHEMA_PATH} is out of date with the API: run \`npm run web:client\` and commit it.`);
        process.exit(1);
      }
      console.log('The portal’s API client matches the API.');
    } else {
      writeFileSync(CLIENT_SCHEMA_PATH, generated);
      console.log(`Wrote ${CLIENT_SCHEMA_PATH}`);
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
