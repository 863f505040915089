/**
 * Configuration read from the environment once, validated at boot, failing loudly with the variable named.
 * Defaults are the embedded single-machine setup; production sets DATABASE_URL and TEMPORAL_ADDRESS.
 */
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const LOG_FORMATS = ['json', 'text'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export interface TahapConfig {
  databaseUrl: string;
  /**
   * The owner of the schema, for migrations only; unset, DATABASE_URL migrates. With it the processes can run as a
   * role that does not own the tables (and so cannot switch off the audit log's triggers).
   */
  databaseMigrationUrl?: string;
  temporalAddress: string;
  /** How the processes prove themselves to Temporal and check it: TLS (mutual with a client pair), an API key. */
  temporalSecurity: TemporalSecurity;
  temporalNamespace: string;
  taskQueue: string;
  apiHost: string;
  apiPort: number;
  /** A prebuilt workflow bundle for the worker; unset, the worker bundles `workflows/` at start. */
  workflowBundlePath?: string;
  /**
   * How many workflows the worker keeps in memory between their tasks; unset, the SDK's default for the process's
   * heap. Each one not kept replays its history at its next task (see docs/performance.md for what that costs).
   */
  workerMaxCachedWorkflows?: number;
  /**
   * How long a request waits for a workflow to accept an Update (a score, a booking, an admin's "close now"). Behind
   * a backlog of workflow tasks (a stage opening for thousands of entries) the person gets `503 ENGINE.BUSY` after
   * this long instead of a request held open for minutes.
   */
  updateWaitSeconds: number;
  /** The least severe level logged: error, warn, log (default) or debug. */
  logLevel: LogLevel;
  /** `json` (default): one JSON object a line, for a log collector; `text`: lines for a person (`npm start`). */
  logFormat: LogFormat;
  /**
   * Where the worker serves its Prometheus metrics (`0.0.0.0:9464`): the SDK's own and Tahap's, at `/metrics`.
   * Unset, the worker serves none.
   */
  workerMetricsAddress?: string;
  /**
   * After SIGTERM the worker stops polling and gives the activities it runs this long to finish before cancelling
   * them (their next attempt runs on another worker); a deployment's grace period must be longer.
   */
  workerShutdownGraceSeconds: number;
  /** Express's `trust proxy` behind a reverse proxy (e.g. `1` or `loopback`), so sign-in limits see real clients. */
  trustProxy?: string | number;
  /** The portal's built files (`npm run build:web`), served at `/` beside the API under `/api`. */
  webDir: string;
  /**
   * Where people reach the portal (`https://tahap.example.go.id`), for links in e-mail; unset, the API's own address.
   * Never taken from a request's Host header, which whoever sends the request chooses.
   */
  publicUrl: string;
  notify: NotifyConfig;
}

/**
 * Temporal's frontend is the real trust boundary: whoever reaches it reads every history and can send any Update.
 * In production it is reached over TLS, with a client certificate (mTLS) or an API key (Temporal Cloud).
 */
export interface TemporalSecurity {
  /** TLS on; implied by any of the files below or by an API key. */
  tls: boolean;
  /** The CA that signed the server's certificate (PEM); unset, the system's roots. */
  caPath?: string;
  /** This client's certificate and key (PEM) for mutual TLS; both or neither. */
  certPath?: string;
  keyPath?: string;
  /** The name the server's certificate carries, when it differs from TEMPORAL_ADDRESS's host. */
  serverName?: string;
  /** Sent as a bearer token on every call (Temporal Cloud's API keys). */
  apiKey?: string;
}

export interface NotifyConfig {
  /** Where e-mail goes (`smtp://user:pass@host:port`, `smtps://…`); the worker refuses to start without it. */
  smtpUrl?: string;
  from: string;
  /** Lets webhooks point at loopback, private and link-local addresses: local development and tests only. */
  webhooksAllowPrivate: boolean;
  /** First retry delay of a failed delivery; later ones double, up to an hour for webhooks. */
  retryInitialSeconds: number;
  /** How long one send may take before it counts as failed and is retried. */
  sendTimeoutSeconds: number;
}

export const DEFAULTS = {
  temporalNamespace: 'default',
  taskQueue: 'tahap',
  apiHost: '127.0.0.1',
  apiPort: 3000,
  temporalPort: 7233,
  temporalUiPort: 8233,
  embeddedPostgresPort: 5433,
  dataDir: '.data',
  mailSinkPort: 2525,
  notifyFrom: 'Tahap KemenPANRB <noreply@tahap.local>',
  webDir: 'dist/web',
} as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigError(`${name} is not set. ${HINTS[name] ?? ''}`.trim());
  return value;
}

/**
 * A TCP port from the environment. `min: 0` lets 0 ask the OS for any free one (tests use it for the API, which
 * prints the port it got).
 */
export function readPort(env: NodeJS.ProcessEnv, name: string, fallback: number, min: 0 | 1 = 1): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > 65535) {
    throw new ConfigError(`${name} must be a TCP port between ${min} and 65535, got "${raw}".`);
  }
  return value;
}

const HINTS: Record<string, string> = {
  DATABASE_URL:
    'Set it to a PostgreSQL URL such as postgres://user:pass@host:5432/tahap, or run `npm start`, which provides an embedded PostgreSQL.',
  TEMPORAL_ADDRESS:
    'Set it to host:port of a Temporal frontend, or run `npm start`, which provides a Temporal dev server.',
};

function logLevel(raw: string | undefined): LogLevel {
  const value = raw?.trim() || 'log';
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${value}".`);
  }
  return value as LogLevel;
}

function logFormat(raw: string | undefined): LogFormat {
  const value = raw?.trim() || 'json';
  if (!(LOG_FORMATS as readonly string[]).includes(value)) {
    throw new ConfigError(`LOG_FORMAT must be json (one JSON object a line) or text, got "${value}".`);
  }
  return value as LogFormat;
}

function listenAddress(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim() || undefined;
  const port = value?.match(/^[^\s:]+:(\d+)$/)?.[1];
  if (value && !(port && Number(port) >= 1 && Number(port) <= 65535)) {
    throw new ConfigError(
      `${name} must be host:port with a port from 1 to 65535, such as 0.0.0.0:9464; got "${value}".`,
    );
  }
  return value;
}

/** The Nest logger levels at and above a level. */
export function logLevelsFrom(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): TahapConfig {
  const databaseUrl = required(env, 'DATABASE_URL');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://.');
  }
  const databaseMigrationUrl = env.DATABASE_MIGRATION_URL?.trim() || undefined;
  if (databaseMigrationUrl && !/^postgres(ql)?:\/\//.test(databaseMigrationUrl)) {
    throw new ConfigError('DATABASE_MIGRATION_URL must start with postgres:// or postgresql://.');
  }
  const temporalAddress = required(env, 'TEMPORAL_ADDRESS');
  if (!/^[^\s:]+:\d+$/.test(temporalAddress)) {
    throw new ConfigError(`TEMPORAL_ADDRESS must be host:port, got "${temporalAddress}".`);
  }
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465.');
  }
  const apiHost = env.API_HOST?.trim() || DEFAULTS.apiHost;
  const apiPort = readPort(env, 'API_PORT', DEFAULTS.apiPort, 0);
  return {
    databaseUrl,
    databaseMigrationUrl,
    temporalAddress,
    temporalSecurity: temporalSecurity(env),
    temporalNamespace: env.TEMPORAL_NAMESPACE?.trim() || DEFAULTS.temporalNamespace,
    taskQueue: env.TEMPORAL_TASK_QUEUE?.trim() || DEFAULTS.taskQueue,
    apiHost,
    apiPort,
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH?.trim() || undefined,
    workerMaxCachedWorkflows: cachedWorkflows(env.WORKER_MAX_CACHED_WORKFLOWS),
    updateWaitSeconds: wholeSeconds(env, 'UPDATE_WAIT_SECONDS', 60),
    logLevel: logLevel(env.LOG_LEVEL),
    logFormat: logFormat(env.LOG_FORMAT),
    workerMetricsAddress: listenAddress(env, 'WORKER_METRICS_ADDRESS'),
    workerShutdownGraceSeconds: wholeSeconds(env, 'WORKER_SHUTDOWN_GRACE_SECONDS', 20),
    trustProxy: trustProxy(env.TRUST_PROXY),
    webDir: env.WEB_DIR?.trim() || DEFAULTS.webDir,
    publicUrl: publicUrl(env.PUBLIC_URL, apiHost, apiPort),
    notify: {
      smtpUrl,
      from: env.NOTIFY_FROM?.trim() || DEFAULTS.notifyFrom,
      webhooksAllowPrivate: flag(env, 'WEBHOOKS_ALLOW_PRIVATE'),
      retryInitialSeconds: wholeSeconds(env, 'NOTIFY_RETRY_INITIAL_SECONDS', 30),
      sendTimeoutSeconds: wholeSeconds(env, 'NOTIFY_SEND_TIMEOUT_SECONDS', 30),
    },
  };
}

function temporalSecurity(env: NodeJS.ProcessEnv): TemporalSecurity {
  const text = (name: string) => env[name]?.trim() || undefined;
  const security: TemporalSecurity = {
    tls: flag(env, 'TEMPORAL_TLS'),
    caPath: text('TEMPORAL_TLS_CA_PATH'),
    certPath: text('TEMPORAL_TLS_CERT_PATH'),
    keyPath: text('TEMPORAL_TLS_KEY_PATH'),
    serverName: text('TEMPORAL_TLS_SERVER_NAME'),
    apiKey: text('TEMPORAL_API_KEY'),
  };
  if (Boolean(security.certPath) !== Boolean(security.keyPath)) {
    throw new ConfigError(
      'TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH go together: set both for mutual TLS, or neither.',
    );
  }
  // An API key or a certificate sent in the clear would give them away.
  security.tls ||= Boolean(security.caPath || security.certPath || security.serverName || security.apiKey);
  return security;
}

function publicUrl(raw: string | undefined, apiHost: string, apiPort: number): string {
  const value = raw?.trim();
  if (!value) return `http://${apiHost === '0.0.0.0' ? '127.0.0.1' : apiHost}:${apiPort}`;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    // Refused below with the rule.
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(
      `PUBLIC_URL must be the portal's address, such as https://tahap.example.go.id, got "${value}".`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function cachedWorkflows(raw: string | undefined): number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const count = Number(value);
  // The SDK needs room for two at once whenever the cache is on.
  if (!Number.isInteger(count) || count < 2) {
    throw new ConfigError(`WORKER_MAX_CACHED_WORKFLOWS must be a whole number of at least 2, got "${value}".`);
  }
  return count;
}

function trustProxy(raw: string | undefined): string | number | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  return /^\d+$/.test(value) ? Number(value) : value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}".`);
}

function wholeSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3600) {
    throw new ConfigError(`${name} must be a whole number of seconds from 1 to 3600, got "${raw}".`);
  }
  return value;
}
