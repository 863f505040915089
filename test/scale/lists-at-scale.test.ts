import type { DataSource } from 'typeorm';
import { openDatabase, type Db } from '../../libs/persistence';
import { readAuditRows } from '../../libs/persistence/audit';
import { evaluatorQueue } from '../../libs/persistence/desk';
import { draftsOfAgency } from '../../libs/persistence/drafts';
import { entryCountsBy, entryListAll, entryListPage, registrationsByDay } from '../../libs/persistence/entries';
import { panelistAgenda } from '../../libs/persistence/interview';
import { failedDeliveriesOf, inboxNotices, unreadNoticeCount } from '../../libs/persistence/notify';
import { createScratchDatabase, type ScratchDatabase } from '../../libs/persistence/scratch-database';
import { ADMIN_DATABASE_URL } from '../support/admin-database';
import { capturingDataSource, type CapturedQuery } from './captured-queries';
import { FILLED_TABLES, SCALE, SEED_STATEMENTS } from './national-scale-seed';

interface People {
  evaluatorId: string;
  panelistId: string;
}

type HotQuery = [name: string, run: (db: Db, people: People) => Promise<unknown>];

const { cycleId, agencyCode } = SCALE;
const FIRST_PAGE = { skip: 0, take: 50 };

/** What the portal's lists, dashboard, export, queues, inboxes and the auditors' log read, as their services call it. */
const HOT_QUERIES: HotQuery[] = [
  ["the admin's entry list, first page", (db) => entryListPage(db, cycleId, {}, FIRST_PAGE)],
  ["the admin's entry list, page 150", (db) => entryListPage(db, cycleId, {}, { skip: 149 * 50, take: 50 })],
  [
    "the admin's entry list by stage and status",
    (db) => entryListPage(db, cycleId, { stage: SCALE.interviewStage, status: 'active' }, FIRST_PAGE),
  ],
  [
    "the admin's entry list by cluster and group",
    (db) => entryListPage(db, cycleId, { cluster: 'kota', group: 'group-3' }, FIRST_PAGE),
  ],
  ["the admin's entry list of active entries", (db) => entryListPage(db, cycleId, { status: 'active' }, FIRST_PAGE)],
  ["the admin's entry list by status", (db) => entryListPage(db, cycleId, { status: 'eliminated' }, FIRST_PAGE)],
  ["the admin's entry list by title", (db) => entryListPage(db, cycleId, { search: 'nomor 4242' }, FIRST_PAGE)],
  ["the agency's own entries", (db) => entryListPage(db, cycleId, { agencyCode }, FIRST_PAGE)],
  [
    "an evaluator's entries",
    (db, people) => entryListPage(db, cycleId, { assignedTo: people.evaluatorId }, FIRST_PAGE),
  ],
  ['the entries CSV export', (db) => entryListAll(db, cycleId, {})],
  ['the dashboard counts by stage', (db) => entryCountsBy(db, cycleId, 'stage')],
  ['the dashboard counts by cluster', (db) => entryCountsBy(db, cycleId, 'cluster')],
  ['the dashboard counts by group', (db) => entryCountsBy(db, cycleId, 'group')],
  ['the dashboard registrations per day', (db) => registrationsByDay(db, cycleId)],
  ["the dashboard's failed deliveries", (db) => failedDeliveriesOf(db, cycleId)],
  ["the agency's drafts", (db) => draftsOfAgency(db, agencyCode, cycleId)],
  ["the evaluator's desk queue", (db, people) => evaluatorQueue(db, people.evaluatorId)],
  ["the panelist's agenda", (db, people) => panelistAgenda(db, people.panelistId)],
  ["the agency's inbox", (db) => inboxNotices(db, { agencyCode })],
  ["the agency's unread count", (db) => unreadNoticeCount(db, { agencyCode })],
  ["an evaluator's inbox", (db, people) => inboxNotices(db, { userId: people.evaluatorId })],
  ["an evaluator's unread count", (db, people) => unreadNoticeCount(db, { userId: people.evaluatorId })],
  ['the audit log of a cycle, a page', (db) => readAuditRows(db, { cycleId, afterSeq: 20_000, limit: 500 })],
  ['the audit log of a cycle, whole (cross-check, export)', (db) => readAuditRows(db, { cycleId })],
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

const FILLED = new Set<string>(FILLED_TABLES);

async function sequentialScansOf(dataSource: DataSource, query: CapturedQuery): Promise<string[]> {
  const [{ 'QUERY PLAN': plans }] = await dataSource.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }[]>(
    `EXPLAIN (FORMAT JSON) ${query.sql}`,
    query.parameters,
  );
  return nodesOf(plans[0].Plan)
    .filter((node) => node['Node Type'].endsWith('Seq Scan') && FILLED.has(node['Relation Name'] ?? ''))
    .map((node) => node['Relation Name']!);
}

/**
 * The portal's hot reads at national scale: a cycle of 10,000 entries (and last year's), their assignments,
 * interviews, drafts, notices and audit rows. Each store function runs as the API calls it; every statement it sent
 * is explained, and none may read a filled table from end to end.
 */
describe('[scale] lists, dashboard counts and the CSV export answer from indexes at 10,000 entries', () => {
  let database: ScratchDatabase;
  let dataSource: DataSource;
  let queriesOf: (work: () => Promise<unknown>) => Promise<CapturedQuery[]>;
  let people: People;

  beforeAll(async () => {
    database = await createScratchDatabase(
      ADMIN_DATABASE_URL,
      `tahap_scale_${process.pid}_${Date.now()}`,
      'TEST_DATABASE_ADMIN_URL',
    );
    await (await openDatabase(database.url)).destroy();
    ({ dataSource, queriesOf } = await capturingDataSource(database.url));
    for (const statement of SEED_STATEMENTS) await dataSource.query(statement);
    await dataSource.query('VACUUM ANALYZE');
    // An evaluator with work in the running cycle, so their queue's plan is read over rows.
    const [evaluator] = await dataSource.query<{ id: string }[]>(
      `SELECT user_id AS id FROM desk_assignments WHERE cycle_id = $1 AND ended_at IS NULL ORDER BY user_id LIMIT 1`,
      [cycleId],
    );
    const [panelist] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM users WHERE role = 'panelist' ORDER BY email LIMIT 1`,
    );
    people = { evaluatorId: evaluator.id, panelistId: panelist.id };
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('[scale] the seed holds a national cycle', async () => {
    const [{ n }] = await dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM entries WHERE cycle_id = $1',
      [cycleId],
    );
    expect(n).toBe(SCALE.entries);
  });

  it("[desk] an evaluator's queue marks an entry ready to score only once its workflow has taken up the desk stage", async () => {
    const readiness = async () =>
      Object.fromEntries(
        (await evaluatorQueue(dataSource.manager, people.evaluatorId)).map((row) => [row.entryId, row.ready]),
      );
    const before = await readiness();
    const entryIds = Object.keys(before);
    expect(entryIds.length).toBeGreaterThan(1);
    expect(Object.values(before).every(Boolean)).toBe(true);
    // The entry's row still at the stage before: its workflow has not recorded the opening yet.
    const [lagging] = entryIds;
    await dataSource.query('UPDATE entries SET current_stage = $1 WHERE id = $2', ['screening', lagging]);
    try {
      expect(await readiness()).toEqual({ ...before, [lagging]: false });
    } finally {
      await dataSource.query('UPDATE entries SET current_stage = $1 WHERE id = $2', [SCALE.deskStage, lagging]);
    }
    expect(await readiness()).toEqual(before);
  });

  it.each(HOT_QUERIES)('[scale] %s reads no filled table sequentially', async (name, run) => {
    const queries = await queriesOf(() => run(dataSource.manager, people));
    expect(queries.length).toBeGreaterThan(0);
    const scans: string[] = [];
    for (const query of queries) {
      for (const table of await sequentialScansOf(dataSource, query)) scans.push(`${name}: Seq Scan on ${table}`);
    }
    expect(scans).toEqual([]);
  });
});
