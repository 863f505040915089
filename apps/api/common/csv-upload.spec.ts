import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { DomainError } from '../../../libs/domain';
import { CSV_LIMIT_BYTES, csvText, hasBody } from './csv-upload';

/** An upload with these headers whose body streams `body`: the text read, or the refusal's code and message. */
async function upload(headers: Record<string, string>, body: Buffer | string) {
  const request = Object.assign(Readable.from([Buffer.from(body)]), { headers }) as unknown as IncomingMessage;
  try {
    return await csvText(request);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, message: error.message };
  }
}

const sized = (body: string | Buffer) => ({ 'content-length': String(Buffer.byteLength(body)) });

describe('csvText', () => {
  it('reads a UTF-8 file as text', async () => {
    const csv = 'code,name\nkab-uji,Kabupaten Uji Ä\n';
    expect(await upload({ 'content-type': 'text/csv; charset=utf-8', ...sized(csv) }, csv)).toBe(csv);
    expect(await upload({ 'content-type': 'text/csv', 'transfer-encoding': 'chunked' }, csv)).toBe(csv);
  });

  it('refuses a file over 5 MB, whether its length is declared or not', async () => {
    const huge = 'x'.repeat(CSV_LIMIT_BYTES + 1);
    const tooLarge = {
      code: 'REQUEST.TOO_LARGE',
      message: 'The CSV file is over 5 MB; split it into smaller files and import each.',
    };
    expect(await upload({ 'content-type': 'text/csv', ...sized(huge) }, huge)).toEqual(tooLarge);
    expect(await upload({ 'content-type': 'text/csv', 'transfer-encoding': 'chunked' }, huge)).toEqual(tooLarge);
  });

  it('refuses another charset, a compressed file and bytes that are not UTF-8, saying what to send', async () => {
    expect(await upload({ 'content-type': 'text/csv; charset=latin1', ...sized('a') }, 'a')).toEqual({
      code: 'REQUEST.UNSUPPORTED_TYPE',
      message: 'Send the CSV file as UTF-8 (charset=utf-8), not latin1.',
    });
    expect(await upload({ 'content-type': 'text/csv', 'content-encoding': 'gzip', ...sized('a') }, 'a')).toEqual({
      code: 'REQUEST.UNSUPPORTED_TYPE',
      message: 'Send the CSV file uncompressed, not as gzip.',
    });
    const latin1 = Buffer.from('Kabupaten Uji \xc4\n', 'latin1');
    expect(await upload({ 'content-type': 'text/csv', ...sized(latin1) }, latin1)).toEqual({
      code: 'REQUEST.INVALID',
      message: 'The CSV file is not UTF-8 text: save it as "CSV UTF-8" and import it again.',
    });
  });
});

describe('hasBody', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

  it('sees a body when a length other than 0 is declared or the upload is chunked', () => {
    expect(hasBody(request({ 'content-length': '3' }))).toBe(true);
    expect(hasBody(request({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(hasBody(request({ 'content-length': '0' }))).toBe(false);
    expect(hasBody(request({}))).toBe(false);
  });
});
