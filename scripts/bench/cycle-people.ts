import { compressCalendar, KIPP_2023, type CompetitionTemplate, type StageParams } from '../../libs/domain';
import { call, expectStatus, sleep } from './bench-stack';
import { inBatches } from './in-batches';

export interface CycleShape {
  entries: number;
  agencies: number;
  evaluators: number;
  concurrency: number;
  /** The share of registrations the secretariat passes at screening; unset, KIPP's (about 2,000 of 3,500). */
  passingScreening?: number;
}

export interface CycleApi {
  baseUrl: string;
  adminToken: string;
}

export interface Person {
  email: string;
  userId: string;
  token: string;
}

interface Agency {
  code: string;
  cluster: string;
  /** Set for the sample of agencies with an account of their own; the admin registers for the rest. */
  account?: Person;
}

interface Entry {
  id: string;
  index: number;
  agencyCode: string;
  group: string;
  /** A summary too short for the screening rule: decided "fail" by the rule when screening opens. */
  failsRule: boolean;
}

export interface CycleSetup {
  cycleId: string;
  stages: { key: string; type: string }[];
  shape: CycleShape;
  agencies: Agency[];
  evaluators: Person[];
  panelists: Person[];
  /** Filled in as the cycle goes: the registrations, then the finalists the selection chose. */
  entries: Entry[];
  passedScreening: number;
  finalists: string[];
}

type Stage = { key: string; type: string };
type StageWork = (api: CycleApi, setup: CycleSetup, stage: Stage) => Promise<Tally>;

interface Tally {
  actions: number;
  notes: string[];
}

/** A KIPP Tim Panel Independen: 13 members, each chairing an interview panel; 8 make the plenary quorate. */
const PANELISTS = 13;
const PLENARY_QUORUM = 8;
/** 13 panels of 20-second slots hear 130 finalists in about 200 seconds. */
const SLOT_SECONDS = 20;
const FINALISTS_AT_FULL_SIZE = 130;
const FULL_SIZE = 3_500;
const PASSING_SCREENING_AT_FULL_SIZE = 2_000;
const PASSWORD = 'bench-people-password';
/** Hours on the calendar: long enough that nothing closes on its own; the admin steers the cycle. */
const STAGE_SECONDS = { submission: 3 * 3600, other: 3600 };
/**
 * The bound of one "not yet" wait: entries hear of a stage one by one, which may take minutes under load. At 10,000
 * entries (2026-12-05) a desk score was still refused as not open after ten minutes, so it is half an hour now.
 */
const NOT_YET_LIMIT_MS = 1_800_000;
/** The longest pause before a person tries again after a "not yet". */
const LONGEST_RETRY_PAUSE_MS = 2_000;
const MIN_SUMMARY_WORDS = 12;
/** Screening decisions per request: the API's JSON body limit (100 kB) holds about 400 with their reasons. */
const DECISIONS_PER_REQUEST = 250;

const PROVINCES: { name: string; zone: 'WIB' | 'WITA' | 'WIT' }[] = [
  { name: 'Aceh', zone: 'WIB' },
  { name: 'Jawa Barat', zone: 'WIB' },
  { name: 'Jawa Timur', zone: 'WIB' },
  { name: 'Bali', zone: 'WITA' },
  { name: 'Sulawesi Selatan', zone: 'WITA' },
  { name: 'Maluku', zone: 'WIT' },
  { name: 'Papua', zone: 'WIT' },
];

// ---------------------------------------------------------------------------------------------------------------
// Small tools

/** A number in [0, 1) that is the same for a text every run. */
function hashShare(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash / 2 ** 32;
}

function isNotYet(status: number, body: unknown): boolean {
  return status === 409 || (body as { code?: string } | undefined)?.code === 'STAGE.NOT_OPEN';
}

/** The API's "the engine did not confirm in time" (503 ENGINE.BUSY): a person waits and sends it again. */
function isBusy(status: number, body: unknown): boolean {
  return status === 503 && (body as { code?: string } | undefined)?.code === 'ENGINE.BUSY';
}

/**
 * Sends a person's request until it is taken: a "not yet" refusal (the entry has not heard of its stage yet, a slot
 * has not begun) or a busy engine is tried again after a growing pause; anything else unexpected fails. Returns the
 * body, how many tries it took and how many of them met a busy engine.
 */
async function persist<T = any>(
  what: string,
  expected: number,
  send: () => Promise<{ status: number; body: T; text: string }>,
): Promise<{ body: T; tries: number; busy: number }> {
  const started = Date.now();
  let busy = 0;
  for (let tries = 1, pause = 100; ; tries += 1, pause = Math.min(pause * 2, LONGEST_RETRY_PAUSE_MS)) {
    const { status, body, text } = await send();
    if (status === expected) return { body, tries, busy };
    if (isBusy(status, body)) busy += 1;
    else if (!isNotYet(status, body) || Date.now() - started > NOT_YET_LIMIT_MS)
      throw new Error(`${what} answered ${status} (expected ${expected}) after ${tries} tries: ${text}`);
    await sleep(pause);
  }
}

/** Polls `probe` with a growing pause until it returns a value. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, limitMs = NOT_YET_LIMIT_MS): Promise<T> {
  const started = Date.now();
  for (let pause = 100; ; pause = Math.min(pause * 2, 2_000)) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > limitMs) throw new Error(`gave up waiting for ${what} after ${limitMs / 1000} s`);
    await sleep(pause);
  }
}

/** Counts a stage's people's actions and the retries their "not yet" refusals cost. */
class Counter {
  actions = 0;
  retries = 0;
  busy = 0;
  readonly notes: string[] = [];

  async act<T>(what: string, expected: number, send: () => ReturnType<typeof call<T>>): Promise<T> {
    const { body, tries, busy } = await persist(what, expected, send);
    this.actions += 1;
    this.retries += tries - 1 - busy;
    this.busy += busy;
    return body;
  }

  tally(): Tally {
    if (this.retries > 0) this.notes.push(`${this.retries} "not yet" refusals retried`);
    if (this.busy > 0) this.notes.push(`${this.busy} "engine busy" answers (503) retried`);
    return { actions: this.actions, notes: this.notes };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The cycle as the admin reads it

interface CycleView {
  status: string;
  stages: { key: string; type: string; status: string; opensAt: string; closesAt: string }[];
}

async function cycleView(api: CycleApi, cycleId: string): Promise<CycleView> {
  return expectStatus<CycleView>(
    200,
    'reading the cycle',
    call(api.baseUrl, 'GET', `/cycles/${cycleId}`, undefined, api.adminToken),
  );
}

async function stageStatus(api: CycleApi, cycleId: string, key: string) {
  return (await cycleView(api, cycleId)).stages.find((stage) => stage.key === key)!;
}

async function stageReaches(api: CycleApi, cycleId: string, key: string, status: 'open' | 'closed') {
  await waitFor(`${key} to be ${status}`, async () =>
    (await stageStatus(api, cycleId, key)).status === status ? true : undefined,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Set-up

/** KIPP 2023 for `year`, its calendar compressed to hours from now, with what the bench's people need in its params. */
function benchKipp(shape: CycleShape, year: number): CompetitionTemplate {
  const finalistsPerCluster = Math.max(
    1,
    Math.round((FINALISTS_AT_FULL_SIZE * shape.entries) / FULL_SIZE / KIPP_2023.clusters.length),
  );
  const extra: Record<string, StageParams> = {
    screening: { minEvidenceLinks: 1, minSummaryWords: MIN_SUMMARY_WORDS },
    selection: { quotaPerCluster: finalistsPerCluster },
    interview: {
      panels: PANELISTS,
      slotSeconds: SLOT_SECONDS,
      noticeDays: 0,
      dayStart: '00:00',
      dayEnd: '23:59',
      agencyHours: '00:00-23:59',
      confirmHoursBefore: 0,
      unconfirmed: 'keep',
      noShow: 'keep',
    },
    plenary: { quorum: PLENARY_QUORUM },
  };
  const stages = KIPP_2023.stages.map((stage) => {
    const params: StageParams = { ...stage.params, ...extra[stage.type] };
    // The bench's interviews are seconds long, round the clock: KIPP's minutes and working days give way.
    if (stage.type === 'interview') {
      delete params.slotMinutes;
      delete params.workingDaysOnly;
    }
    return { ...stage, params };
  });
  const stageSeconds = Object.fromEntries(
    stages.map((stage) => [stage.key, stage.type === 'submission' ? STAGE_SECONDS.submission : STAGE_SECONDS.other]),
  );
  const template = { ...KIPP_2023, key: `kipp-bench-${year}`, year, stages };
  return compressCalendar(template, { startAt: new Date(), stageSeconds });
}

function generateAgencies(shape: CycleShape, year: number): Agency[] {
  return Array.from({ length: shape.agencies }, (_, index) => ({
    code: `bench-${year}-${String(index).padStart(5, '0')}`,
    cluster: KIPP_2023.clusters[index % KIPP_2023.clusters.length],
  }));
}

async function importAgencies(api: CycleApi, agencies: Agency[]): Promise<void> {
  const rows = agencies.map((agency, index) => {
    const province = PROVINCES[index % PROVINCES.length];
    const language = index % 5 === 0 ? 'en' : 'id';
    const region3T = index % 6 === 0 ? 'ya' : 'tidak';
    return `${agency.code},Instansi ${agency.code},${agency.cluster},${province.name},${province.zone},Humas,humas@${agency.code}.go.id,,${language},${region3T}`;
  });
  const csv = [
    'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language,region_3t',
    ...rows,
  ].join('\n');
  const response = await fetch(`${api.baseUrl}/agencies/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${api.adminToken}` },
    body: csv,
  });
  if (response.status !== 201)
    throw new Error(`importing agencies answered ${response.status}: ${await response.text()}`);
}

/** An account made by the admin, signed in. */
async function account(api: CycleApi, role: string, email: string, agencyCode?: string): Promise<Person> {
  await expectStatus(
    201,
    `creating ${email}`,
    call(
      api.baseUrl,
      'POST',
      '/users',
      { role, email, password: PASSWORD, agencyCode, displayName: `Bench ${role}` },
      api.adminToken,
    ),
  );
  const session = await expectStatus<{ accessToken: string; user: { id: string } }>(
    200,
    `login of ${email}`,
    call(api.baseUrl, 'POST', '/auth/login', { email, password: PASSWORD }),
  );
  return { email, userId: session.user.id, token: session.accessToken };
}

async function accounts(api: CycleApi, count: number, limit: number, make: (index: number) => Promise<Person>) {
  const made: Person[] = new Array<Person>(count);
  await inBatches(
    Array.from({ length: count }, (_, index) => index),
    limit,
    async (index) => {
      made[index] = await make(index);
    },
  );
  return made;
}

async function createCycle(api: CycleApi, template: CompetitionTemplate): Promise<string> {
  const { version } = await expectStatus<{ version: number }>(
    201,
    'creating the template',
    call(api.baseUrl, 'POST', '/templates', { definition: template }, api.adminToken),
  );
  const { id } = await expectStatus<{ id: string }>(
    201,
    'creating the cycle',
    call(api.baseUrl, 'POST', '/cycles', { templateKey: template.key, templateVersion: version }, api.adminToken),
  );
  return id;
}

/**
 * Imports the agencies, creates the template version and the cycle, and the people: a sample of agencies with
 * accounts of their own (as many as register at once at the peak), the desk evaluators with affiliations and a
 * province, and the Tim Panel Independen, one panelist per interview panel.
 */
export async function setUpCycle(api: CycleApi, shape: CycleShape, year: number): Promise<CycleSetup> {
  const agencies = generateAgencies(shape, year);
  await importAgencies(api, agencies);
  const template = benchKipp(shape, year);
  const cycleId = await createCycle(api, template);
  const limit = Math.min(shape.concurrency, 20);
  const sample = agencies.slice(0, Math.min(agencies.length, shape.concurrency));
  const agencyAccounts = await accounts(api, sample.length, limit, (index) =>
    account(api, 'agency', `operator@${sample[index].code}.go.id`, sample[index].code),
  );
  sample.forEach((agency, index) => (agency.account = agencyAccounts[index]));
  const evaluators = await accounts(api, shape.evaluators, limit, (index) =>
    account(api, 'evaluator', `penilai-${year}-${index}@bench.tahap.test`),
  );
  await expectStatus(
    201,
    'adding the evaluators',
    call(
      api.baseUrl,
      'POST',
      `/cycles/${cycleId}/evaluators`,
      {
        evaluators: evaluators.map((evaluator, index) => ({
          email: evaluator.email,
          // Each also works for two agencies, whose entries they are never given.
          affiliations: [`univ-bench-${index}`, agencies[(index * 7) % agencies.length].code],
          province: PROVINCES[index % PROVINCES.length].name,
        })),
      },
      api.adminToken,
    ),
  );
  const panelists = await accounts(api, PANELISTS, limit, (index) =>
    account(api, 'panelist', `tpi-${year}-${index}@bench.tahap.test`),
  );
  await expectStatus(
    200,
    'setting the interview panels',
    call(
      api.baseUrl,
      'PUT',
      `/cycles/${cycleId}/interview-panels`,
      {
        panels: panelists.map((panelist, index) => ({
          key: String(index + 1),
          name: `Panel ${index + 1}`,
          meetingUrl: `https://meet.example.id/kipp-bench-${year}-${index + 1}`,
          panelists: [{ email: panelist.email, affiliations: [`univ-tpi-${index}`] }],
        })),
      },
      api.adminToken,
    ),
  );
  return {
    cycleId,
    stages: template.stages.map(({ key, type }) => ({ key, type })),
    shape,
    agencies,
    evaluators,
    panelists,
    entries: [],
    passedScreening: 0,
    finalists: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Stages

/** Most innovations are of the umum group; the last tenth replicate an earlier innovation of another agency. */
function registration(setup: CycleSetup, index: number) {
  const { entries: total, agencies } = setup.shape;
  const agency = setup.agencies[index % agencies];
  const replicationFrom = Math.floor(total * 0.9);
  const original = index >= replicationFrom ? setup.entries[index - replicationFrom] : undefined;
  const replicates = original && original.agencyCode !== agency.code ? original : undefined;
  const group = replicates ? 'replikasi' : index % 5 === 4 ? 'khusus' : 'umum';
  // Every tenth is sent with a one-line summary, which the screening rule fails.
  const failsRule = index % 10 === 7;
  const summary = failsRule
    ? 'Ringkasan belum dilengkapi.'
    : `Inovasi ${index} memangkas waktu layanan publik dengan pendaftaran daring, antrean terjadwal, dan pemantauan ` +
      `kepuasan warga setiap bulan di ${agency.code}.`;
  const body = {
    title: `Inovasi Pelayanan ${index}`,
    summary,
    group,
    launchDate: `20${10 + (index % 10)}-0${1 + (index % 9)}-1${index % 10}`,
    evidenceLinks: Array.from(
      { length: 1 + (index % 3) },
      (_, link) => `https://inovasi.example.go.id/${agency.code}/${index}/bukti-${link}`,
    ),
    ...(replicates ? { replicatesEntryId: replicates.id } : {}),
    ...(agency.account ? {} : { agencyCode: agency.code }),
  };
  return { agency, body, group, failsRule };
}

/** Agencies register their innovations, `concurrency` at once; the replications once their originals are in. */
const submission: StageWork = async (api, setup) => {
  const counter = new Counter();
  const { entries: total, concurrency } = setup.shape;
  const register = async (index: number) => {
    const { agency, body, group, failsRule } = registration(setup, index);
    const token = agency.account?.token ?? api.adminToken;
    const saved = await counter.act<{ id: string }>(`registration ${index}`, 201, () =>
      call(api.baseUrl, 'POST', `/cycles/${setup.cycleId}/entries`, body, token),
    );
    setup.entries[index] = { id: saved.id, index, agencyCode: agency.code, group, failsRule };
  };
  const firstReplication = Math.floor(total * 0.9);
  const indexes = Array.from({ length: total }, (_, index) => index);
  await inBatches(indexes.slice(0, firstReplication), concurrency, register);
  await inBatches(indexes.slice(firstReplication), concurrency, register);
  const own = setup.entries.filter((entry) => setup.agencies.find((a) => a.code === entry.agencyCode)?.account);
  counter.notes.push(`${own.length} registered by agencies themselves, ${total - own.length} by the admin for them`);
  return counter.tally();
};

/**
 * The secretariat decides what the rule left undecided, `DECISIONS_PER_REQUEST` entries a request: enough pass that about
 * 2000 of 3500 go on, the rest fail with a reason the agency reads.
 */
const screening: StageWork = async (api, setup) => {
  const counter = new Counter();
  const undecided = setup.entries.filter((entry) => !entry.failsRule);
  const passing = Math.min(
    undecided.length,
    Math.round((setup.shape.passingScreening ?? PASSING_SCREENING_AT_FULL_SIZE / FULL_SIZE) * setup.entries.length),
  );
  // Spread the passes evenly over the registrations: the k-th passes when ⌊(k+1)p/n⌋ steps up.
  const passes = (k: number) =>
    Math.floor(((k + 1) * passing) / undecided.length) > Math.floor((k * passing) / undecided.length);
  const decisions = undecided.map((entry, k) =>
    passes(k)
      ? { entryId: entry.id, outcome: 'pass', reason: 'Dokumen lengkap dan sesuai ketentuan.' }
      : { entryId: entry.id, outcome: 'fail', reason: 'Bukti dukung tidak menunjukkan layanan yang berjalan.' },
  );
  for (let start = 0; start < decisions.length; start += DECISIONS_PER_REQUEST) {
    await counter.act('screening decisions', 200, () =>
      call(
        api.baseUrl,
        'POST',
        `/cycles/${setup.cycleId}/screening/decisions`,
        { decisions: decisions.slice(start, start + DECISIONS_PER_REQUEST) },
        api.adminToken,
      ),
    );
  }
  setup.passedScreening = passing;
  const failedByRule = setup.entries.length - undecided.length;
  counter.notes.push(
    `${passing} passed, ${undecided.length - passing} failed by the secretariat, ${failedByRule} by rule`,
  );
  return counter.tally();
};

function rubricKeys(): string[] {
  return KIPP_2023.rubrics[0].criteria.map((criterion) => criterion.key);
}

/** A score sheet that ranks entries apart and lets two evaluators of one entry differ a little. */
function sheet(entryId: string, salt: string): Record<string, number> {
  const level = 45 + Math.floor(hashShare(entryId) * 50);
  return Object.fromEntries(
    rubricKeys().map((key) => [key, Math.min(100, level + Math.floor(hashShare(`${entryId}/${salt}/${key}`) * 8))]),
  );
}

interface QueueStage {
  cycleId: string;
  entries: { entryId: string; scoredAt: string | null }[];
}

/** Each evaluator reads their queue and scores every entry given to them; `concurrency` sheets in flight overall. */
const deskEvaluation: StageWork = async (api, setup) => {
  const counter = new Counter();
  // Two evaluators for every entry that passed screening.
  const expected = 2 * setup.passedScreening;
  await waitFor('every desk assignment', async () => {
    const evaluators = await expectStatus<{ load: number }[]>(
      200,
      'reading the evaluators',
      call(api.baseUrl, 'GET', `/cycles/${setup.cycleId}/evaluators`, undefined, api.adminToken),
    );
    const assigned = evaluators.reduce((sum, row) => sum + row.load, 0);
    return assigned >= expected ? true : undefined;
  });
  const jobs: { evaluator: Person; entryId: string }[] = [];
  for (const evaluator of setup.evaluators) {
    const queue = await counter.act<QueueStage[]>('a desk queue', 200, () =>
      call(api.baseUrl, 'GET', '/desk-queue', undefined, evaluator.token),
    );
    const mine = queue.filter((part) => part.cycleId === setup.cycleId).flatMap((part) => part.entries);
    for (const entry of mine.filter((candidate) => candidate.scoredAt === null))
      jobs.push({ evaluator, entryId: entry.entryId });
  }
  // Interleaved, so every evaluator is at work at once as people would be.
  jobs.sort((a, b) => hashShare(a.entryId + a.evaluator.email) - hashShare(b.entryId + b.evaluator.email));
  await inBatches(jobs, setup.shape.concurrency, async ({ evaluator, entryId }) => {
    await counter.act(`a desk score for ${entryId}`, 201, () =>
      call(
        api.baseUrl,
        'POST',
        `/entries/${entryId}/desk-scores`,
        { scores: sheet(entryId, evaluator.email), comment: 'Proposal dibaca lengkap; bukti dukung diperiksa.' },
        evaluator.token,
      ),
    );
  });
  counter.notes.push(`${jobs.length} score sheets by ${setup.evaluators.length} evaluators`);
  return counter.tally();
};

/** The secretariat reads the ranked selection (ready once the stage opened) and notes the finalists. */
const selection: StageWork = async (api, setup) => {
  const counter = new Counter();
  const body = await waitFor('the selection', async () => {
    const answer = await call<{ outcomes: { entryId: string; selected: boolean }[] }>(
      api.baseUrl,
      'GET',
      `/cycles/${setup.cycleId}/selection`,
      undefined,
      api.adminToken,
    );
    return answer.status === 200 ? answer.body : undefined;
  });
  counter.actions += 1;
  setup.finalists = body.outcomes.filter((outcome) => outcome.selected).map((outcome) => outcome.entryId);
  counter.notes.push(`${setup.finalists.length} finalists of ${body.outcomes.length} ranked`);
  return counter.tally();
};

/** Uji publik: the public reads the nominee list; nobody objects. */
const objection: StageWork = async (api, setup) => {
  const counter = new Counter();
  const list = await counter.act<{ nominees: unknown[] }>('the nominee list', 200, () =>
    call(api.baseUrl, 'GET', `/cycles/${setup.cycleId}/nominees`, undefined),
  );
  counter.notes.push(`${list.nominees.length} nominees published`);
  return counter.tally();
};

interface AgendaItem {
  entryId: string;
  group: string;
  startsAt: string;
  attendance: string | null;
  scoredAt: string | null;
}

/**
 * Each panelist works through their agenda: once a slot has begun, they record the agency present and score it;
 * between slots they wait for the next to begin.
 */
async function sitOnPanel(api: CycleApi, setup: CycleSetup, panelist: Person, counter: Counter): Promise<number> {
  const done = new Set<string>();
  for (;;) {
    const agenda = await counter.act<{ cycleId: string; interviews: AgendaItem[] }[]>('an agenda', 200, () =>
      call(api.baseUrl, 'GET', '/interview-agenda', undefined, panelist.token),
    );
    const interviews = agenda
      .filter((part) => part.cycleId === setup.cycleId)
      .flatMap((part) => part.interviews)
      .filter((item) => !done.has(item.entryId));
    if (interviews.length === 0) return done.size;
    const begun = interviews.filter((item) => Date.parse(item.startsAt) <= Date.now());
    for (const item of begun) {
      if (item.attendance === null)
        await counter.act(`attendance at ${item.entryId}`, 200, () =>
          call(
            api.baseUrl,
            'POST',
            `/entries/${item.entryId}/interview/attendance`,
            { attendance: 'present' },
            panelist.token,
          ),
        );
      if (item.scoredAt === null)
        await counter.act(`interview scores of ${item.entryId}`, 201, () =>
          call(
            api.baseUrl,
            'POST',
            `/entries/${item.entryId}/interview/scores`,
            { scores: sheet(item.entryId, `interview/${panelist.email}`), comment: 'Presentasi dan tanya jawab.' },
            panelist.token,
          ),
        );
      done.add(item.entryId);
    }
    if (begun.length === 0) {
      const next = Math.min(...interviews.map((item) => Date.parse(item.startsAt)));
      await sleep(Math.max(50, next - Date.now() + 50));
    }
  }
}

/** The schedule is made at the opening; every panelist then hears their finalists as the slots begin. */
const interview: StageWork = async (api, setup) => {
  const counter = new Counter();
  const schedule = await waitFor('the interview schedule', async () => {
    const answer = await call<{ bookings: unknown[]; unplaced: unknown[] }>(
      api.baseUrl,
      'GET',
      `/cycles/${setup.cycleId}/interview-schedule`,
      undefined,
      api.adminToken,
    );
    return answer.status === 200 && answer.body.bookings.length + answer.body.unplaced.length > 0
      ? answer.body
      : undefined;
  });
  const heard = await Promise.all(setup.panelists.map((panelist) => sitOnPanel(api, setup, panelist, counter)));
  counter.notes.push(
    `${schedule.bookings.length} booked, ${schedule.unplaced.length} unplaced; ${heard.reduce((a, b) => a + b, 0)} heard`,
  );
  return counter.tally();
};

/** `YYYY-MM-DD` of an instant in the zone. */
function localDay(instant: string, zone: string): string {
  const hours = { WIB: 7, WITA: 8, WIT: 9 }[zone] ?? 7;
  return new Date(Date.parse(instant) + hours * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The secretariat plans a visit to every finalist on the stage's first day (the engine picks a panelist and an
 * evaluator without conflicts); each evaluator then records what they found on their own visits.
 */
const fieldVerification: StageWork = async (api, setup, stage) => {
  const counter = new Counter();
  const calendar = await stageStatus(api, setup.cycleId, stage.key);
  const zone = KIPP_2023.stages.find((candidate) => candidate.type === stage.type)!.window.zone;
  const date = localDay(calendar.opensAt, zone);
  for (let start = 0; start < setup.finalists.length; start += 500) {
    const visits = setup.finalists
      .slice(start, start + 500)
      .map((entryId, index) => ({ entryId, date, mode: index % 3 === 0 ? 'virtual' : 'on-site' }));
    await counter.act('planning field visits', 201, () =>
      call(
        api.baseUrl,
        'POST',
        `/cycles/${setup.cycleId}/field-visits`,
        { stageKey: stage.key, visits },
        api.adminToken,
      ),
    );
  }
  let recorded = 0;
  await inBatches(setup.evaluators, setup.shape.concurrency, async (evaluator) => {
    const visits = await counter.act<{ id: string; evaluator: { userId: string }; outcome: string | null }[]>(
      'own field visits',
      200,
      () => call(api.baseUrl, 'GET', `/cycles/${setup.cycleId}/field-visits`, undefined, evaluator.token),
    );
    const mine = visits.filter((visit) => visit.evaluator.userId === evaluator.userId && visit.outcome === null);
    for (const visit of mine) {
      await counter.act(`the outcome of visit ${visit.id}`, 200, () =>
        call(
          api.baseUrl,
          'POST',
          `/field-visits/${visit.id}/outcome`,
          { outcome: 'verified', notes: 'Layanan berjalan; register dan aplikasi diperiksa langsung.' },
          evaluator.token,
        ),
      );
      recorded += 1;
    }
  });
  counter.notes.push(`${setup.finalists.length} visits planned, ${recorded} outcomes recorded`);
  return counter.tally();
};

/** The panelists come in and approve the proposed winners; the secretariat closes the plenary with the decision. */
const plenary: StageWork = async (api, setup) => {
  const counter = new Counter();
  const path = `/cycles/${setup.cycleId}/plenary`;
  await waitFor('the plenary to open', async () => {
    const answer = await call(api.baseUrl, 'GET', path, undefined, api.adminToken);
    return answer.status === 200 ? true : undefined;
  });
  await inBatches(setup.panelists, setup.shape.concurrency, async (panelist) => {
    await counter.act('plenary attendance', 200, () =>
      call(api.baseUrl, 'POST', `${path}/attendance`, { present: true }, panelist.token),
    );
  });
  await inBatches(setup.panelists, setup.shape.concurrency, async (panelist) => {
    await counter.act('a plenary vote', 200, () =>
      call(api.baseUrl, 'POST', `${path}/votes`, { on: 'decision', vote: 'approve' }, panelist.token),
    );
  });
  const decided = await counter.act<{ decisionNumber?: string }>('closing the plenary', 200, () =>
    call(api.baseUrl, 'POST', `${path}/close`, {}, api.adminToken),
  );
  counter.notes.push(`decision ${decided.decisionNumber ?? '(no number)'}`);
  return counter.tally();
};

/** Nothing for people to do: the results are published when the announcement opens. */
const announcement: StageWork = async (api, setup) => {
  const counter = new Counter();
  const results = await waitFor('the public results', async () => {
    const answer = await call<{ groups: { winners: unknown[] }[] }>(
      api.baseUrl,
      'GET',
      `/cycles/${setup.cycleId}/results`,
      undefined,
    );
    return answer.status === 200 ? answer.body : undefined;
  });
  counter.actions += 1;
  const winners = results.groups.reduce((sum, group) => sum + group.winners.length, 0);
  counter.notes.push(`${winners} winners in ${results.groups.length} cluster/group cells`);
  return counter.tally();
};

const WORK: Record<string, StageWork> = {
  submission,
  screening,
  'desk-evaluation': deskEvaluation,
  selection,
  objection,
  interview,
  'field-verification': fieldVerification,
  plenary,
  announcement,
};

// ---------------------------------------------------------------------------------------------------------------
// Steering

/**
 * The admin steers a stage: sends the request unless the stage is already there (the plenary's decision closes its
 * own stage), and on a busy engine looks again before sending it again, as the answer asks.
 */
async function steer(api: CycleApi, cycleId: string, key: string, to: 'open' | 'closed'): Promise<void> {
  const action = to === 'open' ? 'open' : 'close';
  const done = to === 'open' ? 'STAGE.ALREADY_OPEN' : 'STAGE.ALREADY_CLOSED';
  const body = to === 'open' ? { reason: 'Tahap sebelumnya sudah selesai' } : {};
  for (let pause = 1_000; ; pause = Math.min(pause * 2, 10_000)) {
    const status = (await stageStatus(api, cycleId, key)).status;
    if (status === to || (to === 'closed' && status === 'closing')) break;
    if (to === 'closed' && status !== 'open') break;
    const sent = await call(api.baseUrl, 'POST', `/cycles/${cycleId}/stages/${key}/${action}`, body, api.adminToken);
    // 202: the opening is accepted and waits for every entry to hear of the close (minutes at national scale).
    if (sent.status === 200 || sent.status === 202 || sent.body?.code === done) break;
    if (!isBusy(sent.status, sent.body)) throw new Error(`${action} ${key} answered ${sent.status}: ${sent.text}`);
    await sleep(pause);
  }
  await stageReaches(api, cycleId, key, to);
}

/**
 * The secretariat waits until its dashboard shows no entry still active at the stage it closed: each has taken up
 * the next stage or ended. Only then does it let people act on the next stage, or open the one after: at 10,000
 * entries the stage events reached the entries at about 450 a minute (2026-12-05), so a sheet sent sooner was
 * refused "not yet" (each refusal a workflow task replaying an evicted entry, which slowed the opening until it
 * stalled), and interview slots that began at the opening had passed before the finalists heard of their bookings.
 */
async function everyEntryMovedOn(api: CycleApi, cycleId: string, closedKey: string): Promise<void> {
  await waitFor(`every entry to move on from ${closedKey}`, async () => {
    const dashboard = await expectStatus<{ byStage: { key: string; status: string; count: number }[] }>(
      200,
      'reading the dashboard',
      call(api.baseUrl, 'GET', `/cycles/${cycleId}/dashboard`, undefined, api.adminToken),
    );
    const left = dashboard.byStage.find((row) => row.key === closedKey && row.status === 'active')?.count ?? 0;
    return left === 0 ? true : undefined;
  });
}

/**
 * Does the people's work of one stage, then the admin closes it and opens the next; resolves once every entry has
 * moved on to the next stage, or the cycle completed after the last.
 */
export async function runStage(
  api: CycleApi,
  setup: CycleSetup,
  stage: { key: string; type: string },
): Promise<{ actions: number; notes: string[] }> {
  const work = WORK[stage.type];
  if (!work) throw new Error(`no people for a ${stage.type} stage`);
  await stageReaches(api, setup.cycleId, stage.key, 'open');
  const tally = await work(api, setup, stage);
  await steer(api, setup.cycleId, stage.key, 'closed');
  const next = setup.stages[setup.stages.findIndex((candidate) => candidate.key === stage.key) + 1];
  if (next) {
    await steer(api, setup.cycleId, next.key, 'open');
    await everyEntryMovedOn(api, setup.cycleId, stage.key);
  } else {
    await waitFor('the cycle to complete', async () =>
      (await cycleView(api, setup.cycleId)).status === 'completed' ? true : undefined,
    );
  }
  return tally;
}
