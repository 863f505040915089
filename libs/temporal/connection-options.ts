import { readFileSync } from 'node:fs';
import type { TahapConfig } from '../config';

/**
 * Where Temporal is and how to reach it safely, for the API's client and the worker's native connection alike:
 * TLS with the operator's CA and client pair, and an API key. A file that cannot be read stops the process at
 * start, naming the variable.
 */
export function temporalConnectionOptions(config: Pick<TahapConfig, 'temporalAddress' | 'temporalSecurity'>) {
  const { tls, caPath, certPath, keyPath, serverName, apiKey } = config.temporalSecurity;
  if (!tls) return { address: config.temporalAddress };
  return {
    address: config.temporalAddress,
    tls: {
      serverNameOverride: serverName,
      serverRootCACertificate: caPath ? pem('TEMPORAL_TLS_CA_PATH', caPath) : undefined,
      clientCertPair:
        certPath && keyPath
          ? { crt: pem('TEMPORAL_TLS_CERT_PATH', certPath), key: pem('TEMPORAL_TLS_KEY_PATH', keyPath) }
          : undefined,
    },
    apiKey,
  };
}

function pem(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${variable}=${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}
