import type { IncomingMessage } from 'node:http';
import { DomainError, ErrorCode } from '../../../libs/domain';

/** The largest CSV file a route takes (the agency import). */
export const CSV_LIMIT_BYTES = 5 * 1024 * 1024;

/** As body-parser decides it: a declared length other than 0, or a chunked upload. */
export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** The uploaded file as text; refused past the limit (kept reading, so the client still gets the answer). */
export function csvText(request: IncomingMessage): Promise<string> {
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
