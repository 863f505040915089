import { loadAuthConfig } from './auth-config';
import { ConfigError, loadConfig } from './config';

const BASE = { DATABASE_URL: 'postgres://tahap@db:5432/tahap', TEMPORAL_ADDRESS: 'temporal:7233' };

describe('loadConfig', () => {
  it('fills the defaults around the two required addresses', () => {
    expect(loadConfig(BASE)).toEqual({
      databaseUrl: BASE.DATABASE_URL,
      temporalAddress: BASE.TEMPORAL_ADDRESS,
      temporalSecurity: {
        tls: false,
        caPath: undefined,
        certPath: undefined,
        keyPath: undefined,
        serverName: undefined,
        apiKey: undefined,
      },
      temporalNamespace: 'default',
      taskQueue: 'tahap',
      apiHost: '127.0.0.1',
      apiPort: 3000,
      workflowBundlePath: undefined,
      workerMaxCachedWorkflows: undefined,
      updateWaitSeconds: 60,
      logLevel: 'log',
      logFormat: 'json',
      workerMetricsAddress: undefined,
      workerShutdownGraceSeconds: 20,
      trustProxy: undefined,
      webDir: 'dist/web',
      publicUrl: 'http://127.0.0.1:3000',
      notify: {
        smtpUrl: undefined,
        from: 'Tahap KemenPANRB <noreply@tahap.local>',
        webhooksAllowPrivate: false,
        retryInitialSeconds: 30,
        sendTimeoutSeconds: 30,
      },
    });
  });

  it('logs JSON lines unless told text, and refuses any other format by name', () => {
    expect(loadConfig({ ...BASE, LOG_FORMAT: 'text' }).logFormat).toBe('text');
    expect(() => loadConfig({ ...BASE, LOG_FORMAT: 'pretty' })).toThrow(/LOG_FORMAT must be json .* or text/);
  });

  it('serves worker metrics only where told, at a host:port', () => {
    expect(loadConfig({ ...BASE, WORKER_METRICS_ADDRESS: '0.0.0.0:9464' }).workerMetricsAddress).toBe('0.0.0.0:9464');
    for (const wrong of ['9464', '0.0.0.0:0', 'host:99999'])
      expect(() => loadConfig({ ...BASE, WORKER_METRICS_ADDRESS: wrong })).toThrow(
        /WORKER_METRICS_ADDRESS must be host:port/,
      );
  });

  it('reads how long a request waits for an Update', () => {
    expect(loadConfig({ ...BASE, UPDATE_WAIT_SECONDS: '15' }).updateWaitSeconds).toBe(15);
    expect(() => loadConfig({ ...BASE, UPDATE_WAIT_SECONDS: '0' })).toThrow(
      /UPDATE_WAIT_SECONDS must be a whole number of seconds from 1 to 3600, got "0"/,
    );
  });

  it('turns TLS on for Temporal whenever a certificate, a CA or an API key is given', () => {
    expect(loadConfig({ ...BASE, TEMPORAL_API_KEY: 'key' }).temporalSecurity).toMatchObject({
      tls: true,
      apiKey: 'key',
    });
    expect(
      loadConfig({ ...BASE, TEMPORAL_TLS_CERT_PATH: '/c.pem', TEMPORAL_TLS_KEY_PATH: '/k.pem' }).temporalSecurity,
    ).toMatchObject({ tls: true, certPath: '/c.pem', keyPath: '/k.pem' });
    expect(loadConfig({ ...BASE, TEMPORAL_TLS: 'true' }).temporalSecurity.tls).toBe(true);
  });

  it('reads where people reach the portal, for links in e-mail', () => {
    expect(loadConfig({ ...BASE, PUBLIC_URL: 'https://tahap.menpan.go.id/' }).publicUrl).toBe(
      'https://tahap.menpan.go.id',
    );
    expect(loadConfig({ ...BASE, API_HOST: '0.0.0.0', API_PORT: '8080' }).publicUrl).toBe('http://127.0.0.1:8080');
    for (const wrong of ['tahap.menpan.go.id', 'ftp://tahap.menpan.go.id', 'https://tahap.menpan.go.id/?a=1']) {
      expect(() => loadConfig({ ...BASE, PUBLIC_URL: wrong })).toThrow(/PUBLIC_URL must be the portal's address/);
    }
  });

  it('reads the worker cache size', () => {
    expect(loadConfig({ ...BASE, WORKER_MAX_CACHED_WORKFLOWS: '400' }).workerMaxCachedWorkflows).toBe(400);
  });

  it.each([
    [{ TEMPORAL_ADDRESS: 'temporal:7233' }, /DATABASE_URL is not set/],
    [{ ...BASE, DATABASE_URL: 'mysql://x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ ...BASE, TEMPORAL_ADDRESS: 'temporal' }, /TEMPORAL_ADDRESS must be host:port, got "temporal"/],
    [{ ...BASE, API_PORT: '70000' }, /API_PORT must be a TCP port between 0 and 65535, got "70000"/],
    [{ ...BASE, LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of error, warn, log, debug/],
    [{ ...BASE, SMTP_URL: 'mail.example.go.id' }, /SMTP_URL must look like smtp:\/\//],
    [{ ...BASE, WEBHOOKS_ALLOW_PRIVATE: 'yes' }, /WEBHOOKS_ALLOW_PRIVATE must be true or false/],
    [{ ...BASE, NOTIFY_RETRY_INITIAL_SECONDS: '0' }, /NOTIFY_RETRY_INITIAL_SECONDS must be a whole number of seconds/],
    [{ ...BASE, WORKER_MAX_CACHED_WORKFLOWS: '1' }, /WORKER_MAX_CACHED_WORKFLOWS must be a whole number of at least 2/],
    [{ ...BASE, TEMPORAL_TLS_CERT_PATH: '/c.pem' }, /TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together/],
  ])('refuses %p naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('loadAuthConfig', () => {
  it('requires a long signing key and a first admin password of at least 12 characters', () => {
    expect(() => loadAuthConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be set to at least 32/);
    const secret = 'x'.repeat(32);
    expect(() =>
      loadAuthConfig({ JWT_SECRET: secret, TAHAP_ADMIN_EMAIL: 'a@b.id', TAHAP_ADMIN_PASSWORD: 'short' }),
    ).toThrow(/TAHAP_ADMIN_PASSWORD must be at least 12/);
    expect(loadAuthConfig({ JWT_SECRET: secret })).toEqual({
      jwtSecret: secret,
      accessTokenMinutes: 15,
      bootstrapAdmin: undefined,
    });
  });
});
