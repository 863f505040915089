import http from 'node:http';
import https from 'node:https';
import { resolvePublicOnly, webhookUrlProblem } from './webhook-address';

export interface WebhookResponse {
  status: number;
  body: string;
}

/**
 * POSTs one webhook. The URL is checked again (an address literal, the scheme), names are checked as the
 * connection is made (no DNS rebinding between check and use), redirects are not followed, and the answer is read
 * up to 4 KiB for the delivery log. A refusal is an error whose message starts with "refused: ".
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; timeoutMs: number },
): Promise<WebhookResponse> {
  const problem = webhookUrlProblem(url, options.allowPrivate);
  if (problem) return Promise.reject(new Error(`refused: ${problem}`));
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        lookup: resolvePublicOnly(options.allowPrivate) as never,
        timeout: options.timeoutMs,
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length < 4096) text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text.slice(0, 4096) }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
