import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { API_PREFIX } from '../portal/api-prefix';

/** Where Prometheus scrapes the API; outside `/api`, and kept from the public by the reverse proxy (deploy/caddy). */
export const METRICS_PATH = '/metrics';

/**
 * The API's Prometheus series: every request counted and timed by method, route (its pattern, `/api/cycles/:cycleId`,
 * so one series per route, not per cycle) and status; answers of 500 and above counted as errors too; and Node's own
 * (CPU, memory, event-loop lag, garbage collection).
 */
export function serveMetrics(app: NestExpressApplication): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'tahap_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tahap_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer sent, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'tahap_http_server_errors_total',
    help: 'Requests answered with a status of 500 or above, by method and route pattern',
    labelNames: ['method', 'route'],
    registers: [registry],
  });

  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === METRICS_PATH) return next();
    const stop = latency.startTimer();
    response.once('finish', () => {
      const labels = { method: request.method, route: routeOf(request), status: String(response.statusCode) };
      requests.inc(labels);
      stop(labels);
      if (response.statusCode >= 500) errors.inc({ method: labels.method, route: labels.route });
    });
    next();
  });
  app.use(METRICS_PATH, async (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET') return next();
    response.setHeader('Content-Type', registry.contentType);
    response.setHeader('Cache-Control', 'no-store');
    response.end(await registry.metrics());
  });
}

/** The matched route's pattern; a request no API route took is `unmatched`, anything outside `/api` the portal's. */
function routeOf(request: Request): string {
  const pattern = (request.route as { path?: unknown } | undefined)?.path;
  if (typeof pattern === 'string') return `${request.baseUrl}${pattern}`;
  const path = request.originalUrl.split('?')[0];
  return path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`) ? 'unmatched' : 'portal';
}
