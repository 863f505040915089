import { Logger, type INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { logLevelsFrom, type TahapConfig } from '../../libs/config';
import { ApiModule } from './api.module';
import { DomainErrorFilter } from './common/domain-error.filter';
import { createValidationPipe } from './common/validation.pipe';

export const OPENAPI_PATH = 'docs';

/** Builds and starts the HTTP API; the OpenAPI page is served at /docs and the document at /docs-json. */
export async function bootstrapApi(config: TahapConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(config), { logger: logLevelsFrom(config.logLevel) });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tahap API')
      .setDescription(
        'Competition cycles for public-service innovation (PKRI, KIPP): templates, cycles, stages, entries.',
      )
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
  await app.listen(config.apiPort, config.apiHost);
  const address = app.getHttpServer().address() as AddressInfo;
  Logger.log(`Tahap API listening on http://${config.apiHost}:${address.port}`, 'Bootstrap');
  return app;
}
