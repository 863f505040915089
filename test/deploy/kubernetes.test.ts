/**
 * deploy/k8s cannot be applied here (no cluster), so this renders it the way `kubectl apply -k` would (the
 * kustomization's namespace and image set on each resource) and checks what a cluster would only find out at run
 * time: probes that hit the paths and ports the processes serve, settings the processes accept, resources on every
 * container, grace periods longer than the drains they cover, autoscalers and services that find their pods, and the
 * Temporal chart's versions equal to the compose file's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { METRICS_PATH } from '../../apps/api/observability/metrics';
import { API_PREFIX } from '../../apps/api/portal/api-prefix';
import { loadAuthConfig, loadConfig } from '../../libs/config';

const ROOT = join(__dirname, '..', '..');
const K8S = join(ROOT, 'deploy', 'k8s');

type Resource = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: any;
};
type Container = {
  name: string;
  image: string;
  ports?: { name: string; containerPort: number }[];
  env?: { name: string; value: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: any;
  livenessProbe?: any;
  startupProbe?: any;
};

const kustomization = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8'));
const [image] = kustomization.images as { name: string; newName: string; newTag: string }[];

/** The resources as applied: in the kustomization's namespace, with its image. */
const resources: Resource[] = (kustomization.resources as string[]).flatMap((file) =>
  parseAllDocuments(readFileSync(join(K8S, file), 'utf8')).map((document) => {
    const resource = document.toJS() as Resource;
    resource.metadata.namespace = kustomization.namespace;
    for (const container of containersOf(resource))
      if (container.image === image.name) container.image = `${image.newName}:${image.newTag}`;
    return resource;
  }),
);

function containersOf(resource: Resource): Container[] {
  return resource.kind === 'Deployment' ? resource.spec.template.spec.containers : [];
}

function find(kind: string, name: string): Resource {
  const found = resources.find((resource) => resource.kind === kind && resource.metadata.name === name);
  if (!found) throw new Error(`deploy/k8s has no ${kind} ${name}`);
  return found;
}

const configMap = find('ConfigMap', 'tahap').data as Record<string, string>;
/** The secret's keys, made by hand on the cluster (the kustomization's comment); values here only to load config. */
const SECRET = {
  DATABASE_URL: 'postgres://tahap_app:secret@db.example.go.id:5432/tahap',
  DATABASE_MIGRATION_URL: 'postgres://tahap:secret@db.example.go.id:5432/tahap',
  JWT_SECRET: 'k'.repeat(64),
  TAHAP_ADMIN_PASSWORD: 'a-long-admin-password',
  SMTP_URL: 'smtp://user:password@smtp.example.go.id:587',
};

/** A container's environment as the pod gets it: the config map and the secret, then its own `env`. */
function environment(container: Container): Record<string, string> {
  return {
    ...configMap,
    ...SECRET,
    ...Object.fromEntries((container.env ?? []).map(({ name, value }) => [name, value])),
  };
}

/** Every variable the processes read: `env.NAME` and `(env, 'NAME'…)` in libs/config. */
const KNOWN_SETTINGS = new Set(
  ['config.ts', 'auth-config.ts'].flatMap((file) =>
    [...readFileSync(join(ROOT, 'libs', 'config', file), 'utf8').matchAll(/env\.([A-Z_]+)|\(env, '([A-Z_]+)'/g)].map(
      (match) => match[1] ?? match[2],
    ),
  ),
);

function portNumber(container: Container, port: string | number): number {
  if (typeof port === 'number') return port;
  const named = container.ports?.find(({ name }) => name === port);
  if (!named) throw new Error(`container ${container.name} has no port named ${port}`);
  return named.containerPort;
}

const api = find('Deployment', 'tahap-api');
const worker = find('Deployment', 'tahap-worker');
const [apiContainer] = containersOf(api);
const [workerContainer] = containersOf(worker);

describe('[production] the Kubernetes manifests in deploy/k8s, rendered and checked', () => {
  it('[production] every resource lands in one namespace with the release image, tagged with the package version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(image.newTag).toBe(version);
    expect(new Set(resources.map((resource) => resource.metadata.namespace))).toEqual(new Set(['tahap']));
    for (const deployment of [api, worker])
      expect(containersOf(deployment).map((container) => container.image)).toEqual([`${image.newName}:${version}`]);
  });

  it('[production] both processes start with the settings they are given, and every setting named is one they read', () => {
    expect(() => loadConfig(environment(workerContainer))).not.toThrow();
    expect(() => loadConfig(environment(apiContainer))).not.toThrow();
    expect(() => loadAuthConfig(environment(apiContainer))).not.toThrow();
    for (const container of [apiContainer, workerContainer])
      for (const name of Object.keys(environment(container)))
        expect([name, KNOWN_SETTINGS.has(name)]).toEqual([name, true]);
  });

  it('[production] probes ask the paths and ports the processes serve: readiness and liveness of the API, the worker’s metrics', () => {
    const apiConfig = loadConfig(environment(apiContainer));
    const probe = (container: Container, kind: 'readinessProbe' | 'livenessProbe' | 'startupProbe') => {
      const { path, port } = container[kind].httpGet as { path: string; port: string | number };
      return { path, port: portNumber(container, port) };
    };
    expect(probe(apiContainer, 'readinessProbe')).toEqual({ path: `/${API_PREFIX}/health`, port: apiConfig.apiPort });
    expect(probe(apiContainer, 'livenessProbe')).toEqual({
      path: `/${API_PREFIX}/health/live`,
      port: apiConfig.apiPort,
    });
    expect(probe(apiContainer, 'startupProbe')).toEqual(probe(apiContainer, 'livenessProbe'));
    expect(apiConfig.apiHost).toBe('0.0.0.0');

    const workerConfig = loadConfig(environment(workerContainer));
    const metricsPort = Number(workerConfig.workerMetricsAddress?.split(':')[1]);
    expect(probe(workerContainer, 'livenessProbe')).toEqual({ path: METRICS_PATH, port: metricsPort });
    expect(workerConfig.workerMetricsAddress).toMatch(/^0\.0\.0\.0:/);
    // Prometheus finds both through their pods' annotations.
    for (const [deployment, port] of [
      [api, apiConfig.apiPort],
      [worker, metricsPort],
    ] as const)
      expect(deployment.spec.template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(port),
        'prometheus.io/path': METRICS_PATH,
      });
  });

  it('[production] every container asks for CPU and memory and is capped in memory; none runs as root', () => {
    for (const deployment of [api, worker]) {
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      for (const container of containersOf(deployment)) {
        expect(container.resources?.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
        expect(container.resources?.limits?.memory).toEqual(expect.any(String));
      }
    }
  });

  it('[production] the grace periods outlast the drains: the worker’s activities, the API’s longest Update wait after its preStop pause', () => {
    const workerConfig = loadConfig(environment(workerContainer));
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
      workerConfig.workerShutdownGraceSeconds,
    );
    const apiConfig = loadConfig(environment(apiContainer));
    const pause = apiContainer['lifecycle' as keyof Container]?.preStop?.sleep?.seconds ?? 0;
    expect(api.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(pause + apiConfig.updateWaitSeconds);
  });

  it('[production] services, disruption budgets and autoscalers find their pods; the workers scale on their own task queue’s backlog', () => {
    const podLabels = (deployment: Resource) => deployment.spec.template.metadata.labels as Record<string, string>;
    for (const deployment of [api, worker])
      expect(podLabels(deployment)).toMatchObject(deployment.spec.selector.matchLabels);
    const service = find('Service', 'tahap-api');
    expect(podLabels(api)).toMatchObject(service.spec.selector);
    for (const port of service.spec.ports) expect(portNumber(apiContainer, port.targetPort)).toBe(3000);
    for (const name of ['tahap-api', 'tahap-worker']) {
      const budget = find('PodDisruptionBudget', name);
      const deployment = find('Deployment', name);
      expect(podLabels(deployment)).toMatchObject(budget.spec.selector.matchLabels);
      const autoscaler = find('HorizontalPodAutoscaler', name);
      expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(2);
      expect(deployment.spec.replicas).toBe(autoscaler.spec.minReplicas);
    }
    const [backlog] = find('HorizontalPodAutoscaler', 'tahap-worker').spec.metrics;
    const adapter = parse(readFileSync(join(K8S, 'prometheus-adapter-rules.yaml'), 'utf8'));
    expect(backlog.type).toBe('External');
    expect(adapter.rules.external.map((rule: { name: { as: string } }) => rule.name.as)).toContain(
      backlog.external.metric.name,
    );
    expect(backlog.external.metric.selector.matchLabels.taskqueue).toBe(configMap.TEMPORAL_TASK_QUEUE);
  });

  it('[production] the Temporal chart’s values run the same server, admin tools and UI versions as docker-compose.yml', () => {
    const values = parse(readFileSync(join(K8S, 'temporal-values.yaml'), 'utf8'));
    const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
    const tag = (service: string) => String(compose.services[service].image).split(':')[1];
    expect(values.server.image.tag).toBe(tag('temporal'));
    expect(values.admintools.image.tag).toBe(tag('temporal-admin-tools'));
    expect(values.web.image.tag).toBe(tag('temporal-ui'));
    expect(values.server.config.persistence.default.sql.driver).toBe(compose.services.temporal.environment.DB);
    expect(values.server.config.persistence.visibility.sql.driver).toBe(compose.services.temporal.environment.DB);
  });
});
