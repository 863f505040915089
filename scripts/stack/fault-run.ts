import { createServer, type Server } from 'node:http';
import { compressCalendar, PKRI_2024 } from '../../libs/domain';
import { withPg, type ProductionStack, type Replica } from './production-stack';

export interface FaultPlan {
  entries: number;
  /** SIGKILLs of a worker, each started again at once; spread over the cycle, some timed into a fan-out, a
   *  notification batch and an audit seal. */
  workerKills: number;
  seed: number;
  adminPassword: string;
  log: (line: string) => void;
}

export interface FaultReport {
  faults: { total: number; byKind: Record<string, number> };
  entries: { acknowledged: number; inDatabase: number; completed: number; withExpectedHistory: number };
  /** Registrations an agency was told were made and that are not there; registrations made twice. */
  lost: number;
  duplicates: number;
  notices: {
    deliveries: number;
    delivered: number;
    /** Deliveries a recipient received under more than one Message-ID or webhook-id (seen twice): must be 0. */
    seenTwice: number;
    /** Sends repeated under the same id after a crash, which the recipient recognises as one message. */
    resentSameId: number;
  };
  audit: { chainChecked: number; chainBroken: boolean; crossCheckConsistent: boolean };
  replay: { replayed: number; divergences: number };
  seconds: number;
}

const GROUP = 'keberlanjutan';
const EXPECTED_HISTORY = PKRI_2024.stages.flatMap((stage) => [`${stage.key}:entered`, `${stage.key}:completed`]);
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** A seeded generator (mulberry32), so a run's fault moments can be repeated. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A compressed PKRI cycle of `entries` on the production topology while faults are injected for real: workers
 * killed with SIGKILL (and started again), an API replica killed while agencies register, the Temporal server
 * restarted once and PostgreSQL restarted once. Agencies register through the balancer with an Idempotency-Key and
 * try again on any failure, as an agency's system would. At the end everything a person would rely on is counted.
 */
export async function runFaultCycle(stack: ProductionStack, plan: FaultPlan): Promise<FaultReport> {
  const started = Date.now();
  const next = random(plan.seed);
  const faults: Record<string, number> = {};
  const fault = (kind: string) => (faults[kind] = (faults[kind] ?? 0) + 1);
  const api = resilientApi(stack.origin);
  const admin = await api.login('admin@tahap.local', plan.adminPassword);

  const webhooks = await startWebhookReceiver();
  const agencies = Math.max(10, Math.ceil(plan.entries / 5));
  const codes = Array.from({ length: agencies }, (_, index) => `chaos-${String(index).padStart(5, '0')}`);
  const csv = [
    'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language',
    ...codes.map(
      (code, index) =>
        `${code},Instansi ${code},${PKRI_2024.clusters[index % PKRI_2024.clusters.length]},Jawa Timur,WIB,Humas,humas@${code}.go.id,,id`,
    ),
  ].join('\n');
  await api.expect(201, 'POST', '/agencies/import', csv, admin);
  // Every tenth agency also takes its notices by webhook.
  for (const code of codes.filter((_, index) => index % 10 === 0))
    await api.expect(201, 'POST', `/agencies/${code}/webhooks`, { url: webhooks.url }, admin);

  const submissionSeconds = Math.max(40, Math.ceil(plan.entries / 15));
  const template = {
    ...compressCalendar(PKRI_2024, {
      startAt: new Date(),
      stageSeconds: Object.fromEntries(
        PKRI_2024.stages.map((stage) => [stage.key, stage.type === 'submission' ? submissionSeconds : 8]),
      ),
    }),
    key: `pkri-chaos-${plan.seed}`,
    year: 2040 + (plan.seed % 9),
  };
  const { version } = await api.expect(201, 'POST', '/templates', { definition: template }, admin);
  const { id: cycleId } = await api.expect(
    201,
    'POST',
    '/cycles',
    { templateKey: template.key, templateVersion: version },
    admin,
  );
  plan.log(`Cycle ${cycleId}: ${plan.entries} entries from ${agencies} agencies; submission ${submissionSeconds} s`);

  // Faults that run beside the cycle: the worker kills at seeded moments over its expected length, the Temporal
  // server restarted at 45% of it and PostgreSQL at 70%, each on its own clock. A worker is killed again only once
  // it is back (a kill while it starts would be no fault of the engine's); the others do not wait for it.
  const cycleSeconds = submissionSeconds + 8 * (PKRI_2024.stages.length - 1);
  let cycleDone = false;
  const failures: unknown[] = [];
  const recorded = (work: Promise<void>) => work.catch((error: unknown) => void failures.push(error));
  const back = new Map<Replica, Promise<void>>();
  const restartWorker = (worker: Replica, kind: string): Promise<void> => {
    const restarted = (back.get(worker) ?? Promise.resolve()).then(async () => {
      await worker.process.stop('SIGKILL');
      fault(kind);
      await worker.start();
    });
    back.set(worker, recorded(restarted));
    return back.get(worker)!;
  };
  const at = (fraction: number) => started + fraction * cycleSeconds * 1000;
  const until = async (moment: number) => {
    while (Date.now() < moment && !cycleDone) await sleep(200);
  };
  const restarts = recorded(
    (async () => {
      await until(at(0.45));
      plan.log('Restarting the Temporal server');
      await stack.restartTemporal();
      fault('temporal-restart');
      await until(at(0.7));
      plan.log('Restarting PostgreSQL');
      await stack.restartPostgres();
      fault('postgres-restart');
    })(),
  );
  const kills = recorded(
    (async () => {
      const moments = Array.from({ length: plan.workerKills }, () => at(next() * 0.9)).sort((a, b) => a - b);
      for (const moment of moments) {
        await until(moment);
        const worker = stack.workers[Math.floor(next() * stack.workers.length)];
        await (back.get(worker) ?? Promise.resolve());
        void restartWorker(worker, 'worker-kill');
      }
    })(),
  );
  // Timed kills: a worker killed just as a stage opens (its fan-out), as notices are being sent, as stages close
  // (each closing seals audit trails).
  const timed = recorded(
    (async () => {
      const seen = new Set<string>();
      const targets = ['fan-out', 'audit-seal'];
      while (!cycleDone && targets.length > 0) {
        const { body } = await api.call('GET', `/cycles/${cycleId}`, undefined, admin);
        const stages = (body?.stages ?? []) as { key: string; status: string }[];
        for (const stage of stages.slice(1)) {
          const key = `${stage.key}:${stage.status}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (stage.status === 'open' && targets.includes('fan-out')) {
            targets.splice(targets.indexOf('fan-out'), 1);
            await restartWorker(stack.workers[0], 'worker-kill-mid-fan-out');
          } else if (stage.status === 'closed' && targets.includes('audit-seal')) {
            targets.splice(targets.indexOf('audit-seal'), 1);
            await restartWorker(stack.workers[1 % stack.workers.length], 'worker-kill-mid-audit-seal');
          }
        }
        await sleep(300);
      }
    })(),
  );
  // Notices wait as pending deliveries only while a batch is being sent: looked for ten times a second.
  const midBatch = recorded(
    (async () => {
      for (;;) {
        if (cycleDone) return;
        const pending = await pendingDeliveries(stack);
        if (Number.isFinite(pending) && pending > 0) break;
        await sleep(100);
      }
      await restartWorker(stack.workers[0], 'worker-kill-mid-notification-batch');
    })(),
  );

  // Agencies register at once, 20 requests in flight; one API replica is killed a third of the way through.
  const acknowledged = new Map<string, string>();
  let registered = 0;
  const killApiAt = Math.floor(plan.entries / 3);
  const register = async (index: number) => {
    const code = codes[index % codes.length];
    const key = `chaos-${plan.seed}-${index}`;
    const body = await api.expect(
      [200, 201],
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        agencyCode: code,
        title: `Inovasi ${index + 1} dari ${code}`,
        summary: 'Inovasi yang didaftarkan ketika mesin diganggu: pekerja dimatikan dan server dimulai ulang.',
        group: GROUP,
        launchDate: '2019-01-15',
        evidenceLinks: ['https://inovasi.example.go.id/bukti'],
      },
      admin,
      { 'idempotency-key': key },
    );
    acknowledged.set(key, body.id as string);
    registered += 1;
    // Not queued behind the other faults: it must land while agencies are still registering.
    if (registered === killApiAt) {
      plan.log('Killing an API replica while agencies register');
      const replica = stack.apis[0];
      await replica.process.stop('SIGKILL');
      fault('api-kill-during-registration');
      void recorded(replica.start());
    }
  };
  let cursor = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (cursor < plan.entries) await register(cursor++);
    }),
  );
  plan.log(`${acknowledged.size} registrations acknowledged`);

  await waitFor(
    async () => (await api.call('GET', `/cycles/${cycleId}`, undefined, admin)).body?.status === 'completed',
    30 * 60_000,
  );
  cycleDone = true;
  await Promise.all([restarts, kills, timed, midBatch]);
  await Promise.all(back.values());
  if (failures.length > 0) throw failures[0];
  plan.log('Cycle completed; waiting for every entry and notice to settle');
  await waitFor(
    async () => (await openEntries(stack, cycleId)) === 0 && (await pendingDeliveries(stack)) === 0,
    10 * 60_000,
  );

  const report = await count(stack, cycleId, acknowledged, webhooks.received);
  const verify = await api.expect(200, 'GET', '/audit/log/verify', undefined, admin);
  const cross = await api.expect(200, 'GET', `/audit/cycles/${cycleId}/cross-check`, undefined, admin);
  const replay = await api.expect(200, 'GET', `/audit/cycles/${cycleId}/replay`, undefined, admin);
  await webhooks.close();
  return {
    faults: { total: Object.values(faults).reduce((sum, value) => sum + value, 0), byKind: faults },
    ...report,
    audit: {
      chainChecked: verify.checked,
      chainBroken: verify.firstBroken !== null,
      crossCheckConsistent: cross.consistent,
    },
    replay: { replayed: replay.replayed, divergences: replay.diverged.length },
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

async function count(
  stack: ProductionStack,
  cycleId: string,
  acknowledged: Map<string, string>,
  webhookIds: Map<string, number>,
): Promise<Pick<FaultReport, 'entries' | 'lost' | 'duplicates' | 'notices'>> {
  return withPg(stack.databaseMigrationUrl, async (pg) => {
    const entries = await pg.query<{ id: string; status: string; title: string }>(
      'SELECT id, status, title FROM entries WHERE cycle_id = $1',
      [cycleId],
    );
    const ids = new Set(entries.rows.map((row) => row.id));
    const titles = new Set(entries.rows.map((row) => row.title));
    const history = await pg.query<{ entry_id: string; events: string[] }>(
      `SELECT entry_id, array_agg(stage_key || ':' || kind ORDER BY occurred_at, id) AS events
         FROM entry_stage_events WHERE entry_id = ANY($1) GROUP BY entry_id`,
      [[...ids]],
    );
    const expected = EXPECTED_HISTORY.join(',');
    // The run's database is its own: every notice in it is this cycle's.
    const deliveries = await pg.query<{ channel: string; status: string; message_id: string }>(
      'SELECT channel, status, message_id FROM deliveries',
    );
    const mail = await pg.query<{ message_id: string; copies: number }>(
      'SELECT message_id, count(*)::int AS copies FROM mail_sink_messages GROUP BY message_id',
    );
    const received = new Map(mail.rows.map((row) => [row.message_id, row.copies]));
    let resentSameId = 0;
    let delivered = 0;
    for (const delivery of deliveries.rows) {
      const copies = (delivery.channel === 'webhook' ? webhookIds : received).get(delivery.message_id) ?? 0;
      if (delivery.status === 'delivered' && copies > 0) delivered += 1;
      if (copies > 1) resentSameId += copies - 1;
    }
    // A recipient sees a notice twice if it arrives under an id no delivery of it carries, or twice delivered.
    const twice = await pg.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM (
         SELECT notice_id, channel, target FROM deliveries WHERE status = 'delivered'
          GROUP BY 1, 2, 3 HAVING count(*) > 1) repeated`,
    );
    const sent = new Set(deliveries.rows.map((delivery) => delivery.message_id));
    const strays = [...received.keys(), ...webhookIds.keys()].filter((id) => !sent.has(id)).length;
    const seenTwice = twice.rows[0].count + strays;
    return {
      entries: {
        acknowledged: acknowledged.size,
        inDatabase: entries.rowCount ?? 0,
        completed: entries.rows.filter((row) => row.status === 'completed').length,
        withExpectedHistory: history.rows.filter((row) => row.events.join(',') === expected).length,
      },
      lost: [...acknowledged.values()].filter((id) => !ids.has(id)).length,
      duplicates: (entries.rowCount ?? 0) - titles.size,
      notices: { deliveries: deliveries.rowCount ?? 0, delivered, seenTwice, resentSameId },
    };
  });
}

async function openEntries(stack: ProductionStack, cycleId: string): Promise<number> {
  return withPg(stack.databaseMigrationUrl, async (pg) => {
    const { rows } = await pg.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM entries WHERE cycle_id = $1 AND status NOT IN ('completed', 'eliminated', 'withdrawn')`,
      [cycleId],
    );
    return rows[0].count;
  }).catch(() => Number.POSITIVE_INFINITY);
}

async function pendingDeliveries(stack: ProductionStack): Promise<number> {
  return withPg(stack.databaseMigrationUrl, async (pg) => {
    const { rows } = await pg.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM deliveries WHERE status = 'pending'`,
    );
    return rows[0].count;
  }).catch(() => Number.POSITIVE_INFINITY);
}

async function waitFor(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await sleep(1000);
  }
}

/** A receiver of signed webhooks that counts each `webhook-id` it gets. */
async function startWebhookReceiver(): Promise<{ url: string; received: Map<string, number>; close(): Promise<void> }> {
  const received = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const id = String(request.headers['webhook-id'] ?? '');
    request.resume();
    request.on('end', () => {
      if (id) received.set(id, (received.get(id) ?? 0) + 1);
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', () => listening()));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/tahap`,
    received,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

/**
 * The API as an agency's or the secretariat's system uses it through faults: a request that fails to connect, is
 * cut off, or answers 5xx is sent again (after a pause) until it gets an answer; 4xx answers are final.
 */
function resilientApi(origin: string) {
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    token?: string,
    headers: Record<string, string> = {},
  ) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${origin}/api${path}`, {
          method,
          headers: {
            ...(body === undefined
              ? {}
              : { 'content-type': typeof body === 'string' ? 'text/csv' : 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
          signal: AbortSignal.timeout(120_000),
        });
        const text = await response.text();
        if (response.status >= 500 && attempt < 200) {
          await sleep(500);
          continue;
        }
        return { status: response.status, body: text ? JSON.parse(text) : undefined, text };
      } catch (error) {
        if (attempt >= 200) throw error;
        await sleep(500);
      }
    }
  };
  return {
    call,
    async expect(
      expected: number | number[],
      method: string,
      path: string,
      body?: unknown,
      token?: string,
      headers?: Record<string, string>,
    ) {
      const answer = await call(method, path, body, token, headers);
      if (![expected].flat().includes(answer.status))
        throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text.slice(0, 500)}`);
      return answer.body;
    },
    async login(email: string, password: string) {
      const answer = await call('POST', '/auth/login', { email, password });
      if (answer.status !== 200) throw new Error(`login answered ${answer.status}: ${answer.text}`);
      return answer.body.accessToken as string;
    },
  };
}
