import { lookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Why an address must not receive webhooks (loopback, private, link-local, …), or undefined for a public one. */
export function forbiddenAddress(address: string): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const range = ipaddr.process(address).range();
  return range === 'unicast' ? undefined : `${address} is a ${range} address`;
}

/** Refuses a webhook URL a person can fix before any request is made: the scheme, credentials, a literal address. */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL such as https://sipp.example.go.id/tahap';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'must use https';
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host)) return forbiddenAddress(host);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return `${host} is a loopback name`;
  return undefined;
}

/** Resolves a host name; refuses when any of its addresses is not public (checked again at every connection). */
export function resolvePublicOnly(allowPrivate: boolean) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = allowPrivate
        ? undefined
        : addresses.map((entry) => forbiddenAddress(entry.address)).find(Boolean);
      if (refused) return callback(Object.assign(new Error(`refused: ${refused}`), { code: 'EADDRREFUSED' }), '');
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** Where the host of a URL resolves, for a check at registration; refusal reasons as for webhookUrlProblem. */
export async function webhookHostProblem(raw: string, allowPrivate: boolean): Promise<string | undefined> {
  const problem = webhookUrlProblem(raw, allowPrivate);
  if (problem || allowPrivate) return problem;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return undefined;
  return new Promise((answer) => {
    resolvePublicOnly(false)(host, { all: true }, (error) =>
      answer(
        error
          ? error.message.startsWith('refused: ')
            ? // Which internal address it resolved to is for the log, not for the person registering the URL.
              `${host} resolves to an address that is not public`
            : `${host} does not resolve`
          : undefined,
      ),
    );
  });
}
