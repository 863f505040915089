import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CliError, EXIT } from './exit-codes';

interface ProblemBody {
  message?: string;
  details?: { message: string }[];
}

export interface ApiSettings {
  api: string;
  token?: string;
  email?: string;
  password?: string;
}

/** The Tahap API as an auditor calls it: a bearer token given, or one obtained by signing in. */
export class ApiClient {
  private token?: string;

  constructor(private readonly settings: ApiSettings) {
    this.token = settings.token;
  }

  async json<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    const response = await this.send(method, path);
    return (await response.json()) as T;
  }

  async text(path: string): Promise<string> {
    return (await this.send('GET', path)).text();
  }

  /**
   * Streams a GET's body into `target` through a temporary file beside it, renamed once the body is complete: a
   * download that fails or is cut off leaves nothing under the target's name. There is no timeout (fetch gives up on
   * a body quiet for 300 s): a national cycle's export takes as long as it takes.
   */
  async download(path: string, target: string): Promise<void> {
    const token = await this.bearer();
    const response = await this.get(path, token);
    if (response.statusCode === undefined || response.statusCode >= 300) {
      const body = await problemBody(response);
      throw problem('GET', path, response.statusCode ?? 0, response.statusMessage ?? '', body);
    }
    const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
    try {
      await pipeline(response, createWriteStream(partial, { flags: 'wx' }));
      if (!response.complete) throw new Error('the answer ended before it was complete');
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw new CliError(
        `GET ${path} was cut off (${(error as Error).message}); nothing was written to ${target}`,
        EXIT.unavailable,
      );
    }
  }

  private async send(method: string, path: string): Promise<Response> {
    const token = await this.bearer();
    const response = await this.fetch(path, { method, headers: { authorization: `Bearer ${token}` } });
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as ProblemBody;
    throw problem(method, path, response.status, response.statusText, body);
  }

  private get(path: string, token: string): Promise<IncomingMessage> {
    const url = this.url(path);
    const get = url.startsWith('https:') ? httpsGet : httpGet;
    return new Promise((resolve, reject) => {
      get(url, { headers: { authorization: `Bearer ${token}` } }, resolve).on('error', (error) =>
        reject(new CliError(`Cannot reach the Tahap API at ${url}: ${error.message}`, EXIT.unavailable)),
      );
    });
  }

  private url(path: string): string {
    return `${this.settings.api.replace(/\/$/, '')}${path}`;
  }

  private async bearer(): Promise<string> {
    if (this.token) return this.token;
    const { email, password } = this.settings;
    if (!email || !password) {
      throw new CliError('Give --token (or TAHAP_TOKEN), or TAHAP_EMAIL and TAHAP_PASSWORD to sign in.', EXIT.usage);
    }
    const response = await this.fetch('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new CliError(`Signing in as ${email} failed (${response.status}).`, EXIT.usage);
    this.token = ((await response.json()) as { accessToken: string }).accessToken;
    return this.token;
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    const url = this.url(path);
    try {
      return await fetch(url, init);
    } catch (error) {
      throw new CliError(`Cannot reach the Tahap API at ${url}: ${(error as Error).message}`, EXIT.unavailable);
    }
  }
}

function problem(method: string, path: string, status: number, statusText: string, body: ProblemBody): CliError {
  const detail = body.details?.map((issue) => issue.message).join('; ');
  const message = `${method} ${path} answered ${status}: ${body.message ?? statusText}${detail ? ` (${detail})` : ''}`;
  return new CliError(message, status >= 500 ? EXIT.unavailable : EXIT.usage);
}

async function problemBody(response: IncomingMessage): Promise<ProblemBody> {
  try {
    return JSON.parse(Buffer.concat(await response.toArray()).toString('utf8')) as ProblemBody;
  } catch {
    return {};
  }
}
