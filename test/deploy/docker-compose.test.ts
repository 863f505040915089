/**
 * docker-compose.yml cannot be started on a machine without a Docker engine, so this reads it the way Compose would:
 * it resolves `${VAR:-default}` and `$$`, checks how the services are wired, and runs the one-shot setup scripts with
 * `sh` against stub `temporal` and `temporal-sql-tool` binaries to see which calls they would make.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import * as ts from 'typescript';
import { parse } from 'yaml';
import { METRICS_PATH } from '../../apps/api/observability/metrics';
import { loadAuthConfig, loadConfig } from '../../libs/config';
import { SEARCH_ATTRIBUTES } from '../../libs/domain/search-attributes';

const ROOT = join(__dirname, '..', '..');

const POSTGRES = 'postgresql';
const SCHEMA_STEP = 'temporal-admin-tools';
const TEMPORAL = 'temporal';
const SEARCH_ATTRIBUTE_STEP = 'temporal-search-attributes';
const UI = 'temporal-ui';
const WORKER = 'worker';
const API = 'api';
const PROXY = 'proxy';
const PROMETHEUS = 'prometheus';
const GRAFANA = 'grafana';

/** What entryWorkflow upserts, with the server CLI's type names. */
const EXPECTED_SEARCH_ATTRIBUTES = [
  { name: 'CycleId', type: 'Keyword' },
  { name: 'Programme', type: 'Keyword' },
  { name: 'Year', type: 'Int' },
  { name: 'Stage', type: 'Keyword' },
  { name: 'EntryStatus', type: 'Keyword' },
  { name: 'Cluster', type: 'Keyword' },
  { name: 'Group', type: 'Keyword' },
  { name: 'AgencyCode', type: 'Keyword' },
];

const TEMPORAL_SCHEMA_DIR = '/etc/temporal/schema/postgresql/v12/temporal/versioned';
const VISIBILITY_SCHEMA_DIR = '/etc/temporal/schema/postgresql/v12/visibility/versioned';

type DependsOn = string[] | Record<string, { condition?: string; restart?: boolean; required?: boolean }>;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  entrypoint?: string | string[];
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: DependsOn;
  healthcheck?: { test?: string | string[] };
  ports?: (string | number | { target?: number; published?: string | number; host_ip?: string })[];
  expose?: (string | number)[];
  volumes?: (string | { type?: string; source?: string; target?: string })[];
  restart?: string;
}

interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as ComposeFile;
const services = compose.services;

/** What an operator provides for a `${VAR:?message}` that compose requires (long enough for any secret rule). */
const OPERATOR_VALUE = 'operator-provided-value-0123456789abcdef';
const OPERATOR_SMTP_URL = 'smtp://relay.example.go.id:587';

/**
 * Compose's interpolation with every variable unset: `${VAR:-default}` and `${VAR-default}` give the default, `$$` a
 * literal `$`, `${VAR:?message}` is required from the operator (compose refuses to start without it). Anything else
 * that starts with `$` would be filled from the host's environment, usually with nothing, so it fails the test: in
 * particular a shell variable in a script that should have been written `$$name`.
 */
function interpolate(value: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:\?)[^}]*|:?-([^}]*))?\}|\$/g,
    (match, name?: string, required?: string, fallback?: string) => {
      if (match === '$$') return '$';
      if (name !== undefined && required !== undefined) return name === 'SMTP_URL' ? OPERATOR_SMTP_URL : OPERATOR_VALUE;
      if (name !== undefined && fallback !== undefined) return fallback;
      throw new Error(`"${value}" takes ${match} from the host environment without a default`);
    },
  );
}

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environment(name: string): Record<string, string> {
  const raw = service(name).environment ?? {};
  const pairs: [string, string][] = Array.isArray(raw)
    ? raw.map((entry) => {
        const at = entry.indexOf('=');
        return [entry.slice(0, at), entry.slice(at + 1)];
      })
    : Object.entries(raw).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(pairs.map(([key, value]) => [key, interpolate(value)]));
}

function dependencies(name: string): Record<string, string> {
  const raw = service(name).depends_on ?? {};
  if (Array.isArray(raw)) return Object.fromEntries(raw.map((dependency) => [dependency, 'service_started']));
  return Object.fromEntries(
    Object.entries(raw).map(([dependency, options]) => [dependency, options.condition ?? 'service_started']),
  );
}

function words(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : value.split(/\s+/).filter(Boolean);
}

function imageTag(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const lastSegment = withoutDigest.slice(withoutDigest.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon === -1 ? undefined : lastSegment.slice(colon + 1);
}

/** The ports a service listens on for other services: the ones it publishes and the ones it only exposes. */
function containerPorts(name: string): number[] {
  const published = (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object') return Number(port.target);
    const spec = interpolate(String(port)).split('/')[0];
    return Number(spec.slice(spec.lastIndexOf(':') + 1));
  });
  return [...published, ...(service(name).expose ?? []).map(Number)];
}

/** The host addresses a service is published on: `0.0.0.0` for every interface (Compose's default). */
function publishedOn(name: string): string[] {
  return (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object') return port.host_ip ?? '0.0.0.0';
    const parts = interpolate(String(port)).split('/')[0].split(':');
    return parts.length === 3 ? parts[0] : '0.0.0.0';
  });
}

/**
 * Runs a service's `sh -c` script with only that service's environment, and stub binaries on PATH that record their
 * arguments. Each stub exits 0 unless `failing` names its first arguments. Returns one line per call.
 */
function runSetupScript(name: string, stubs: string[], failing: string[] = []): string[] {
  const [shell, flag, ...rest] = [...words(service(name).entrypoint), ...words(service(name).command)];
  expect([shell, flag]).toEqual(['/bin/sh', '-c']);
  expect(rest).toHaveLength(1);
  const script = interpolate(rest[0]);

  const bin = mkdtempSync(join(tmpdir(), 'tahap-compose-'));
  try {
    const log = join(bin, 'calls.log');
    const failures = failing.map((prefix) => `  '${prefix}'*) exit 1 ;;`).join('\n');
    for (const stub of [...stubs, 'sleep']) {
      writeFileSync(
        join(bin, stub),
        `#!/bin/sh\nprintf '%s\\n' "${stub} $*" >> "$STUB_LOG"\ncase "${stub} $*" in\n${failures}\nesac\nexit 0\n`,
      );
      chmodSync(join(bin, stub), 0o755);
    }
    execFileSync(shell, [flag, script], {
      env: { ...environment(name), PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}`, STUB_LOG: log },
      stdio: 'pipe',
    });
    return readFileSync(log, 'utf8').trimEnd().split('\n');
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
}

function option(call: string, name: string): string | undefined {
  return new RegExp(`(?:^| )--${name} (\\S+)`).exec(call)?.[1];
}

function dockerfileStages(): string[][] {
  const instructions = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages: string[][] = [];
  for (const instruction of instructions) {
    if (/^FROM\s/i.test(instruction)) stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** The tsconfig that `npm run build` compiles with, if it exists yet. */
function buildTsconfig(): string | undefined {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const project = /\btsc\b.*(?:-p|--project)\s+(\S+)/.exec(pkg.scripts?.build ?? '')?.[1] ?? 'tsconfig.json';
  const path = join(ROOT, project);
  return existsSync(path) ? path : undefined;
}

function parseTsconfig(path: string): ts.ParsedCommandLine {
  const { config, error } = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  return ts.parseJsonConfigFileContent(config, ts.sys, dirname(path), undefined, path);
}

describe('[foundation] docker-compose wires PostgreSQL, Temporal with its schema, the UI, api and worker', () => {
  it('[foundation] defines every service of the production shape', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining([POSTGRES, SCHEMA_STEP, TEMPORAL, SEARCH_ATTRIBUTE_STEP, UI, WORKER, API, PROXY]),
    );
  });

  it('[foundation] every depends_on names an existing service and a condition that service can meet', () => {
    for (const name of Object.keys(services)) {
      for (const [dependency, condition] of Object.entries(dependencies(name))) {
        expect({ name, dependency, exists: dependency in services }).toEqual({ name, dependency, exists: true });
        expect(['service_started', 'service_healthy', 'service_completed_successfully']).toContain(condition);
        if (condition === 'service_healthy') {
          expect({ dependency, healthcheck: Boolean(service(dependency).healthcheck?.test) }).toEqual({
            dependency,
            healthcheck: true,
          });
        }
        if (condition === 'service_completed_successfully') {
          // A one-shot that restarts itself after exiting 0 never reads as completed.
          expect({ dependency, restart: service(dependency).restart ?? 'no' }).toEqual({ dependency, restart: 'no' });
        }
      }
    }
  });

  it('[foundation] pins every image to an explicit tag, and builds the rest from the Dockerfile', () => {
    for (const [name, definition] of Object.entries(services)) {
      if (definition.image === undefined) {
        expect({ name, build: definition.build }).toEqual({ name, build: expect.anything() });
        continue;
      }
      const tag = imageTag(interpolate(definition.image));
      expect({ name, tag }).toEqual({ name, tag: expect.any(String) });
      expect({ name, tag }).not.toEqual({ name, tag: 'latest' });
    }
    // The schema the admin tools write must be the one the server expects.
    const serverTag = imageTag(service(TEMPORAL).image ?? '') ?? '';
    const adminToolsTag = imageTag(service(SCHEMA_STEP).image ?? '') ?? '';
    expect(service(TEMPORAL).image).toMatch(/^temporalio\/server:/);
    expect(service(SCHEMA_STEP).image).toMatch(/^temporalio\/admin-tools:/);
    expect(adminToolsTag.split(/[.-]/).slice(0, 2)).toEqual(serverTag.split(/[.-]/).slice(0, 2));
  });

  it('[foundation] PostgreSQL keeps its data in a named volume, reports health with pg_isready and creates tahap', () => {
    const postgres = service(POSTGRES);
    expect(postgres.image).toMatch(/^postgres:16(\.|-|$)/);
    expect(words(postgres.healthcheck?.test).join(' ')).toContain('pg_isready');

    const mounts = (postgres.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume.split(':') : [volume.source ?? '', volume.target ?? ''],
    );
    const dataVolume = mounts.find(([, target]) => target === '/var/lib/postgresql/data')?.[0];
    expect(Object.keys(compose.volumes ?? {})).toContain(dataVolume);
    const initDir = mounts.find(([, target]) => target === '/docker-entrypoint-initdb.d')?.[0];
    expect(initDir).toBe('./deploy/postgres-init');

    const initSql = readFileSync(join(ROOT, 'deploy', 'postgres-init', '01-tahap.sql'), 'utf8');
    expect(initSql).toMatch(/CREATE ROLE tahap LOGIN PASSWORD :'tahap_password'/);
    expect(initSql).toMatch(/\\getenv tahap_password TAHAP_DB_PASSWORD/);
    expect(initSql).toMatch(/CREATE DATABASE tahap OWNER tahap/);
  });

  it('[foundation] the schema step creates and migrates temporal and temporal_visibility on the postgresql service', () => {
    expect(service(SCHEMA_STEP).image).toMatch(/^temporalio\/admin-tools:/);
    expect(dependencies(SCHEMA_STEP)).toEqual({ [POSTGRES]: 'service_healthy' });

    const calls = runSetupScript(SCHEMA_STEP, ['temporal-sql-tool']);
    const postgresEnv = environment(POSTGRES);
    for (const call of calls) {
      expect(option(call, 'plugin')).toBe('postgres12');
      expect(option(call, 'ep')).toBe(POSTGRES);
      expect(call).toContain(` -u ${postgresEnv.POSTGRES_USER} `);
      expect(option(call, 'pw')).toBe(postgresEnv.POSTGRES_PASSWORD);
    }
    expect(calls.map((call) => /--db (\S+) (.*)$/.exec(call)?.slice(1).join(': '))).toEqual([
      'temporal: create',
      'temporal: setup-schema -v 0.0',
      `temporal: update-schema -d ${TEMPORAL_SCHEMA_DIR}`,
      'temporal_visibility: create',
      'temporal_visibility: setup-schema -v 0.0',
      `temporal_visibility: update-schema -d ${VISIBILITY_SCHEMA_DIR}`,
    ]);
  });

  it('[foundation] the Temporal server starts after the schema step and uses the same PostgreSQL and credentials', () => {
    expect(dependencies(TEMPORAL)).toEqual({ [SCHEMA_STEP]: 'service_completed_successfully' });
    const env = environment(TEMPORAL);
    const postgresEnv = environment(POSTGRES);
    expect(env).toMatchObject({
      DB: 'postgres12',
      DB_PORT: '5432',
      POSTGRES_SEEDS: POSTGRES,
      POSTGRES_USER: postgresEnv.POSTGRES_USER,
      POSTGRES_PWD: postgresEnv.POSTGRES_PASSWORD,
    });
    expect(containerPorts(TEMPORAL)).toContain(7233);
    expect(service(TEMPORAL).healthcheck?.test).toBeDefined();
  });

  it('[foundation] the search-attribute step registers exactly the attributes entryWorkflow uses, in the apps namespace', () => {
    expect(EXPECTED_SEARCH_ATTRIBUTES).toEqual(
      Object.values(SEARCH_ATTRIBUTES).map(({ name, cliType }) => ({ name, type: cliType })),
    );
    expect(service(SEARCH_ATTRIBUTE_STEP).image).toMatch(/^temporalio\/admin-tools:/);
    expect(dependencies(SEARCH_ATTRIBUTE_STEP)).toEqual({ [TEMPORAL]: 'service_healthy' });

    const script = interpolate(words(service(SEARCH_ATTRIBUTE_STEP).command)[0]);
    expect(script).toContain('temporal operator search-attribute create');
    const declared = /attributes='([^']*)'/.exec(script)?.[1] ?? '';
    expect(
      declared
        .split(/\s+/)
        .filter(Boolean)
        .map((pair) => ({ name: pair.split('=')[0], type: pair.split('=')[1] })),
    ).toEqual(EXPECTED_SEARCH_ATTRIBUTES);

    const env = environment(SEARCH_ATTRIBUTE_STEP);
    expect(env.TEMPORAL_ADDRESS).toBe('temporal:7233');
    const namespace = environment(WORKER).TEMPORAL_NAMESPACE;
    expect(env.TEMPORAL_NAMESPACE).toBe(namespace);
    expect(environment(API).TEMPORAL_NAMESPACE).toBe(namespace);

    // The stub says the namespace does not exist yet, so the script has to create it first.
    const calls = runSetupScript(SEARCH_ATTRIBUTE_STEP, ['temporal'], ['temporal operator namespace describe']);
    const created = calls.filter((call) => call.startsWith('temporal operator search-attribute create '));
    expect(created.map((call) => ({ name: option(call, 'name'), type: option(call, 'type') }))).toEqual(
      EXPECTED_SEARCH_ATTRIBUTES,
    );
    for (const call of created) {
      expect(option(call, 'address')).toBe('temporal:7233');
      expect(option(call, 'namespace')).toBe(namespace);
    }
    const namespaceCreate = calls.findIndex((call) => call.startsWith('temporal operator namespace create '));
    expect(namespaceCreate).toBeGreaterThanOrEqual(0);
    expect(namespaceCreate).toBeLessThan(calls.indexOf(created[0]));
    expect(option(calls[namespaceCreate], 'namespace')).toBe(namespace);

    const probe = calls.find((call) => call.startsWith('temporal workflow list '));
    for (const { name } of EXPECTED_SEARCH_ATTRIBUTES) expect(probe).toContain(`\`${name}\` = `);
  });

  it('[foundation] the UI points at temporal:7233', () => {
    expect(service(UI).image).toMatch(/^temporalio\/ui:/);
    expect(environment(UI).TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(containerPorts(UI)).toContain(8080);
  });

  it.each([WORKER, API])(
    '[foundation] %s is built from the Dockerfile and reaches the postgresql and temporal services',
    (name) => {
      const build = service(name).build;
      const context = typeof build === 'string' ? build : (build?.context ?? '.');
      const dockerfile = typeof build === 'string' ? 'Dockerfile' : (build?.dockerfile ?? 'Dockerfile');
      expect(existsSync(join(ROOT, context, dockerfile))).toBe(true);
      expect(join(ROOT, context, dockerfile)).toBe(join(ROOT, 'Dockerfile'));

      expect(dependencies(name)).toEqual({
        [POSTGRES]: 'service_healthy',
        [SEARCH_ATTRIBUTE_STEP]: 'service_completed_successfully',
      });

      const env = environment(name);
      const config = loadConfig(env);
      const database = new URL(config.databaseUrl);
      expect(database.hostname).toBe(POSTGRES);
      expect(database.port || '5432').toBe('5432');
      expect(database.pathname).toBe('/tahap');
      expect(database.username).toBe('tahap');
      expect(database.password).toBe(environment(POSTGRES).TAHAP_DB_PASSWORD);

      expect(config.temporalAddress).toBe('temporal:7233');
      const [host, port] = config.temporalAddress.split(':');
      expect(services).toHaveProperty([host]);
      expect(containerPorts(host)).toContain(Number(port));
      expect(config.taskQueue).toBe('tahap');
    },
  );

  it('[registration] the api requires its signing key and first admin from the operator, never a default', () => {
    const auth = loadAuthConfig(environment(API));
    expect(auth.jwtSecret).toBe(OPERATOR_VALUE);
    expect(auth.bootstrapAdmin).toEqual({ email: 'admin@tahap.local', password: OPERATOR_VALUE });
    expect(service(API).environment).toMatchObject({ JWT_SECRET: expect.stringMatching(/^\$\{TAHAP_JWT_SECRET:\?/) });
  });

  it('[notify] the worker sends e-mail through the relay the operator names, never a default', () => {
    expect(loadConfig(environment(WORKER)).notify.smtpUrl).toBe(OPERATOR_SMTP_URL);
    expect(service(WORKER).environment).toMatchObject({ SMTP_URL: expect.stringMatching(/^\$\{SMTP_URL:\?/) });
  });

  it('[foundation] the api listens on all interfaces of its container, on the port the proxy reaches', () => {
    const config = loadConfig(environment(API));
    expect(config.apiHost).toBe('0.0.0.0');
    expect(config.apiPort).toBe(3000);
    expect(containerPorts(API)).toContain(config.apiPort);
  });

  it('[security] only the HTTPS proxy is published on every interface; Temporal stays on the compose network, its UI, Prometheus and Grafana on the host loopback', () => {
    const published = Object.fromEntries(
      Object.keys(services)
        .map((name) => [name, publishedOn(name)] as const)
        .filter(([, addresses]) => addresses.length > 0),
    );
    expect(published).toEqual({
      [PROXY]: ['0.0.0.0', '0.0.0.0'],
      [UI]: ['127.0.0.1'],
      [PROMETHEUS]: ['127.0.0.1'],
      [GRAFANA]: ['127.0.0.1'],
    });
    expect(containerPorts(PROXY).sort()).toEqual([443, 80]);
    expect(service(TEMPORAL).ports).toBeUndefined();
    expect(service(API).ports).toBeUndefined();
  });

  it('[production] Prometheus scrapes the api and the worker where they serve metrics, Grafana reads Prometheus, and the proxy keeps /metrics from the public', () => {
    const scrape = parse(readFileSync(join(ROOT, 'deploy', 'prometheus', 'prometheus.yml'), 'utf8'));
    const targets = Object.fromEntries(
      scrape.scrape_configs.map(
        (job: { job_name: string; metrics_path: string; static_configs: { targets: string[] }[] }) => [
          job.job_name,
          { path: job.metrics_path, targets: job.static_configs.flatMap((config) => config.targets) },
        ],
      ),
    );
    const api = loadConfig(environment(API));
    const worker = loadConfig(environment(WORKER));
    expect(targets).toEqual({
      'tahap-api': { path: METRICS_PATH, targets: [`${API}:${api.apiPort}`] },
      'tahap-worker': { path: METRICS_PATH, targets: [`${WORKER}:${worker.workerMetricsAddress?.split(':')[1]}`] },
    });
    expect(containerPorts(WORKER)).toContain(Number(worker.workerMetricsAddress?.split(':')[1]));
    expect(service(PROMETHEUS).volumes).toContain(
      './deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro',
    );
    const datasources = parse(
      readFileSync(join(ROOT, 'deploy', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'), 'utf8'),
    );
    expect(datasources.datasources[0].url).toBe(`http://${PROMETHEUS}:9090`);
    expect(containerPorts(PROMETHEUS)).toContain(9090);
    const caddyfile = readFileSync(join(ROOT, 'deploy', 'caddy', 'Caddyfile'), 'utf8');
    expect(caddyfile).toMatch(new RegExp(`^\\s*respond ${METRICS_PATH} 404$`, 'm'));
  });

  it('[security] the proxy serves HTTPS with HSTS in front of the api, and the api trusts exactly that one hop', () => {
    const caddyfile = readFileSync(join(ROOT, 'deploy', 'caddy', 'Caddyfile'), 'utf8');
    const mounted = (service(PROXY).volumes ?? []).map(String);
    expect(mounted).toContain('./deploy/caddy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(caddyfile).toMatch(/^\s*reverse_proxy api:3000$/m);
    const hsts = /Strict-Transport-Security "max-age=(\d+)[^"]*"/.exec(caddyfile);
    expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    // Caddy answers on a site address with HTTPS and redirects HTTP, unless the address says http://.
    expect(caddyfile).not.toMatch(/http:\/\/|auto_https off/);
    expect(loadConfig(environment(API)).trustProxy).toBe(1);
  });

  it('[foundation] the Dockerfile builds with npm and runs the api as a non-root user in production mode', () => {
    const stages = dockerfileStages();
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage[0]).toMatch(/^FROM node:20-bookworm-slim(\s|$)/);

    const build = stages.slice(0, -1).flat().join('\n');
    expect(build).toMatch(/RUN .*npm ci/);
    expect(build).toMatch(/RUN .*npm run build/);
    expect(build).toMatch(/RUN .*npm prune --omit=dev/);

    const runtime = stages.at(-1) ?? [];
    const user = runtime.filter((line) => /^USER\s/i.test(line)).at(-1);
    expect(user).toBeDefined();
    expect(user?.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime).toContain('ENV NODE_ENV=production');
    for (const copied of ['node_modules', 'dist', 'package.json']) {
      expect(runtime.some((line) => /^COPY --from=/i.test(line) && line.includes(`./${copied}`))).toBe(true);
    }
    const cmd = runtime.filter((line) => /^CMD\s/i.test(line)).at(-1) ?? '';
    expect(cmd).toContain('dist/apps/api/main.js');

    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split(/\r?\n/);
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data', '.tools', '.git', 'coverage']));
  });

  it.each([
    [WORKER, 'dist/apps/worker/main.js'],
    [API, 'dist/apps/api/main.js'],
  ])('[foundation] %s runs node on %s', (name, compiled) => {
    expect(words(service(name).command)).toEqual(['node', compiled]);
  });

  // Skipped while an entry point or the build config is still being written.
  describe.each([
    [WORKER, 'apps/worker/main.ts'],
    [API, 'apps/api/main.ts'],
  ])('[foundation] %s entry point', (name, source) => {
    const buildConfig = buildTsconfig();
    const ready = existsSync(join(ROOT, source)) && buildConfig !== undefined;
    (ready ? it : it.skip)(`[foundation] ${name}'s command runs the build output of ${source}`, () => {
      const { options, fileNames } = parseTsconfig(buildConfig ?? '');
      expect(fileNames.map((file) => relative(ROOT, file))).toContain(source);
      const outDir = relative(ROOT, options.outDir ?? ROOT);
      const rootDir = options.rootDir ?? ROOT;
      const compiled = join(outDir, relative(rootDir, join(ROOT, source))).replace(/\.ts$/, '.js');
      expect(words(service(name).command)).toEqual(['node', compiled.split(sep).join('/')]);
    });
  });
});
