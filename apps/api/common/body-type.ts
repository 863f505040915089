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

const BODY_TYPE = 'tahap:body-type';
const JSON_TYPE = 'application/json';
const CSV_TYPE = 'text/csv';
const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

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

/** As body-parser decides it: a declared length other than 0, or a chunked upload. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The uploaded file as text; refused past the limit (kept reading, so the client still gets the answer). */
function csvText(request: Request): Promise<string> {
  const charset = /;\s*charset="?([^";]+)/i.exec(request.headers['content-type'] ?? '')?.[1].toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return Promise.reject(
      new DomainError(ErrorCode.BodyTypeUnsupported, `Send the CSV file as UTF-8 (charset=utf-8), not ${charset}.`),
    );
  }
  const encoding = request.headers['content-encoding'];
  if (encoding && encoding !== 'identity') {
    return Promise.reject(
      new DomainError(ErrorCode.BodyTypeUnsupported, `Send the CSV file uncompressed, not as ${encoding}.`),
    );
  }
  const tooLarge = new DomainError(
    ErrorCode.BodyTooLarge,
    'The CSV file is over 5 MB; split it into smaller files and import each.',
  );
  if (Number(request.headers['content-length']) > CSV_LIMIT_BYTES) return Promise.reject(tooLarge);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= CSV_LIMIT_BYTES) chunks.push(chunk);
    });
    request.on('end', () => {
      if (size > CSV_LIMIT_BYTES) return reject(tooLarge);
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(
          new DomainError(
            ErrorCode.ValidationFailed,
            'The CSV file is not UTF-8 text: save it as "CSV UTF-8" and import it again.',
          ),
        );
      }
    });
    // A client gone before the end reads no answer; the import is dropped with nothing written.
    request.on('error', () =>
      reject(new DomainError(ErrorCode.ValidationFailed, 'The upload stopped before its end; send the file again.')),
    );
  });
}
