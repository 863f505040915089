import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';

/** The name Temporal's certificate carries in these tests, as a real deployment's internal name would. */
export const TEMPORAL_TLS_NAME = 'temporal.tahap.internal';

/** A test CA with a server pair for Temporal's name and a client pair for Tahap's processes, made with openssl. */
export function makeCertificates(directory: string) {
  mkdirSync(directory, { recursive: true });
  const path = (name: string) => join(directory, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: directory, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Tahap test CA');
  const pair = (name: string, subject: string, extensions: string) => {
    writeFileSync(path(`${name}.ext`), extensions);
    openssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${subject}`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    );
  };
  pair('server', TEMPORAL_TLS_NAME, `subjectAltName=DNS:${TEMPORAL_TLS_NAME}\nextendedKeyUsage=serverAuth\n`);
  pair('client', 'tahap-worker', 'extendedKeyUsage=clientAuth\n');
  return {
    ca: path('ca.pem'),
    server: { cert: path('server.pem'), key: path('server.key') },
    client: { cert: path('client.pem'), key: path('client.key') },
  };
}

/**
 * What a production Temporal frontend with mTLS looks like from outside: TLS that demands a client certificate
 * signed by the CA, in front of the run's plaintext dev server. gRPC's HTTP/2 frames pass through unchanged.
 */
export class MtlsGateway {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  address = '';
  /** Handshakes refused, e.g. for a missing client certificate. */
  refused = 0;

  constructor(
    private readonly upstream: string,
    private readonly files: ReturnType<typeof makeCertificates>,
  ) {}

  async start(): Promise<void> {
    const [host, port] = this.upstream.split(':');
    this.server = createServer(
      {
        cert: readFileSync(this.files.server.cert),
        key: readFileSync(this.files.server.key),
        ca: readFileSync(this.files.ca),
        requestCert: true,
        rejectUnauthorized: true,
        ALPNProtocols: ['h2'],
      },
      (client) => {
        const server = connect(Number(port), host);
        for (const socket of [client, server]) {
          this.sockets.add(socket);
          socket.on('close', () => this.sockets.delete(socket));
          socket.on('error', () => socket.destroy());
        }
        client.pipe(server).pipe(client);
      },
    );
    this.server.on('tlsClientError', () => (this.refused += 1));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.address = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }
}
