import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string>;
  body: string;
  answered: number;
}

/**
 * A real HTTP server standing in for an agency's system. Each path answers from its own script of statuses
 * (the last one repeats), and every request is kept as it arrived, so a test can verify it with the reference
 * library afterwards.
 *
 * Suites run in parallel on one database, and a submission deadline moved in another suite's cycle tells every
 * agency: a request that is not `ours` (its body does not name the suite's cycle) is answered 204 and neither kept
 * nor counted against a script.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private server?: Server;
  private readonly scripts = new Map<string, number[]>();

  constructor(private readonly ours: (body: string) => boolean = () => true) {}

  answer(path: string, ...statuses: number[]): string {
    this.scripts.set(path, statuses);
    return `${this.url}${path}`;
  }

  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        const path = request.url ?? '/';
        if (!this.ours(body)) {
          response.writeHead(204).end();
          return;
        }
        const script = this.scripts.get(path) ?? [404];
        const seen = this.received.filter((item) => item.path === path).length;
        const answered = script[Math.min(seen, script.length - 1)];
        this.received.push({ path, headers: flat(request.headers), body, answered });
        response.writeHead(answered).end();
      });
    });
    await new Promise<void>((listening) => this.server!.listen(0, '127.0.0.1', () => listening()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((item) => item.path === path);
  }

  stop(): Promise<void> {
    return new Promise((closed) => (this.server ? this.server.close(() => closed()) : closed()));
  }
}

function flat(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
}
