import {
  applyDecorators,
  Injectable,
  SetMetadata,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { from, switchMap, type Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../../../libs/domain';
import { csvText, hasBody } from './csv-upload';

const BODY_TYPE = 'tahap:body-type';
const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';

/**
 * The route takes a CSV file as its body (up to 5 MB, UTF-8) instead of JSON. The file is read only after the
 * route's access check has passed, so nobody can make the API buffer 5 MB without signing in.
 */
export const CsvBody = () => applyDecorators(SetMetadata(BODY_TYPE, CSV_TYPE), ApiConsumes(CSV_TYPE));

/**
 * Runs after the guards on every route: a body of another type than the route takes (JSON, unless `@CsvBody()`) is
 * refused with 415 naming what to send, and a CSV route's body is read here. JSON is parsed by Nest's own parser
 * (its 100 kB limit) before any of this.
 */
@Injectable()
export class BodyTypeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (!hasBody(request)) return next.handle();
    const takes =
      this.reflector.getAllAndOverride<string | undefined>(BODY_TYPE, [context.getHandler(), context.getClass()]) ??
      JSON_TYPE;
    const sent = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (sent !== takes) {
      throw new DomainError(
        ErrorCode.BodyTypeUnsupported,
        `This route takes ${takes === CSV_TYPE ? 'a CSV file' : 'JSON'}: send the body with Content-Type: ${takes}` +
          `${sent ? `, not ${sent}` : ''}.`,
      );
    }
    if (takes !== CSV_TYPE) return next.handle();
    return from(csvText(request)).pipe(
      switchMap((text) => {
        request.body = text;
        return next.handle();
      }),
    );
  }
}
