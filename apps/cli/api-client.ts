import { CliError, EXIT } from './exit-codes';

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

  async bytes(path: string): Promise<Buffer> {
    return Buffer.from(await (await this.send('GET', path)).arrayBuffer());
  }

  private async send(method: string, path: string): Promise<Response> {
    const token = await this.bearer();
    const response = await this.fetch(path, { method, headers: { authorization: `Bearer ${token}` } });
    if (response.ok) return response;
    const body = (await response.json().catch(() => ({}))) as { message?: string; details?: { message: string }[] };
    const detail = body.details?.map((issue) => issue.message).join('; ');
    const message = `${method} ${path} answered ${response.status}: ${body.message ?? response.statusText}${
      detail ? ` (${detail})` : ''
    }`;
    throw new CliError(message, response.status >= 500 ? EXIT.unavailable : EXIT.usage);
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
    const url = `${this.settings.api.replace(/\/$/, '')}${path}`;
    try {
      return await fetch(url, init);
    } catch (error) {
      throw new CliError(`Cannot reach the Tahap API at ${url}: ${(error as Error).message}`, EXIT.unavailable);
    }
  }
}
