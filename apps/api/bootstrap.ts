import { Logger, type INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AuthConfig, TahapConfig } from '../../libs/config';
import { createLogger } from '../../libs/observability/logging';
import { ApiModule } from './api.module';
import { BodyTypeInterceptor } from './common/body-type';
import { DomainErrorFilter } from './common/domain-error.filter';
import { PlainInputPipe } from './common/plain-input.pipe';
import { securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation.pipe';
import { serveMetrics } from './observability/metrics';
import { API_PREFIX } from './portal/api-prefix';
import { servePortal } from './portal/serve-portal';

export const OPENAPI_PATH = `${API_PREFIX}/docs`;

/**
 * Builds and starts the HTTP API under /api (the OpenAPI page at /api/docs, its document at /api/docs-json), its
 * Prometheus metrics at /metrics, and the portal at every other path of the same origin.
 */
export async function bootstrapApi(config: TahapConfig, auth: AuthConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, auth), {
    logger: createLogger(config),
  });
  app.disable('x-powered-by');
  app.use(securityHeaders);
  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix(API_PREFIX);
  serveMetrics(app);
  servePortal(app, config.webDir);
  // After the guards: a body the route does not take is refused, and a CSV file is read only where it is taken.
  app.useGlobalInterceptors(new BodyTypeInterceptor(app.get(Reflector)));
  app.useGlobalPipes(new PlainInputPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
  const document = openApiDocument(app);
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: `${OPENAPI_PATH}-json` });
  await app.listen(config.apiPort, config.apiHost);
  const address = app.getHttpServer().address() as AddressInfo;
  Logger.log(`Tahap API listening on http://${config.apiHost}:${address.port}`, 'Bootstrap');
  return app;
}

/** The OpenAPI document of the routes `app` holds (the portal's typed client is generated from it). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tahap API')
      .setDescription(
        'Competition cycles for public-service innovation (PKRI, KIPP): templates, cycles, stages, entries.',
      )
      .setVersion('0.2.0')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'agency-api-key')
      .build(),
  );
}
