import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { CLUSTERS, STAGE_TYPES, ZONES, type CompetitionTemplate } from '../../libs/domain';
import { DEMO_AGENCIES } from '../../scripts/demo-data';
import { compressedPkri, ensureAgencies, INNOVATION, startCycle } from '../support/fixtures';
import { Stack, type Caller } from '../support/stack';

jest.setTimeout(180_000);

/**
 * Property-based fuzzing of the three endpoints that take free-form input: every generated input is malformed
 * (junk, or a valid input with at least one rule broken), and each must be refused with a 4xx that carries a
 * message, never a 5xx or a 2xx, and must leave its table as it was.
 */
const YEAR = 2081;
const RUNS = 100;

type Json = Record<string, unknown>;
type Reply = { status: number; body: any; headers: Headers };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const GROUPS = ['pembina', 'keberlanjutan', 'replikasi'];
const ENTRY_FIELDS = [
  'title',
  'summary',
  'group',
  'launchDate',
  'evidenceLinks',
  'replicatesEntryId',
  'continuesEntryId',
  'agencyCode',
  '__proto__',
];
const REQUIRED_ENTRY_FIELDS = ['title', 'summary', 'group', 'launchDate', 'evidenceLinks'] as const;
const TEMPLATE_FIELDS = ['key', 'programme', 'year', 'name', 'clusters', 'groups', 'rubrics', 'stages'] as const;
const STAGE_PARAM_NAMES = [
  'minInnovationAgeYears',
  'minEvidenceLinks',
  'maxEvidenceLinks',
  'maxSummaryLength',
  'defaultOutcome',
  'minSummaryWords',
  'evaluatorsPerEntry',
  'passingGrade',
  'quotaPerCluster',
  'slotMinutes',
  'quorum',
  'topN',
];
const CSV_COLUMNS = [
  'code',
  'name',
  'cluster',
  'province',
  'zone',
  'contact_name',
  'contact_email',
  'contact_phone',
  'language',
] as const;

/** What the server may do to a cell (csv-parse trims, some fields are compared trimmed or case-folded). */
const variants = (value: string): string[] => [
  value,
  value.trim(),
  value.replace(/^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g, ''),
  value.trim().toLowerCase(),
  value.trim().toUpperCase(),
];
/** A string the server cannot accept, whichever way it normalises it. */
const never = (ok: (value: string) => boolean) => (value: string) => !variants(value).some(ok);

const json = { 'content-type': 'application/json' };

/** The hostile JSON texts of a request body, sent as they are. */
const HOSTILE_BODIES = [
  '{"__proto__": {"title": "Inovasi", "isAdmin": true}}',
  '{"__proto__": null}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"constructor": 1}',
  '{"toString": 1}',
  '{"toString": 1, "valueOf": 2, "hasOwnProperty": 3}',
  '{"title": {"toString": 1}, "summary": {"valueOf": 1}}',
  '[]',
  '[{"title": "x"}]',
  '"just a string"',
  '42',
  'null',
  '',
  '{"title": ',
  '{"title": "Inovasi",}',
  "{'title': 'Inovasi'}",
  '{"a":'.repeat(60) + '1' + '}'.repeat(60),
];

describe('[registration] fuzzing the registration, template and import endpoints', () => {
  const stack = Stack.shared();
  let agency: Caller;
  let cycleId: string;
  let ownEntryId: string;
  const OWN_TITLE = 'Inovasi Asli Uji Fuzz';

  const countOf = async (sql: string, params: unknown[] = []): Promise<number> =>
    ((await stack.db.query(sql, params)) as { n: number }[])[0].n;
  const entryCount = () => countOf('SELECT count(*)::int AS n FROM entries WHERE cycle_id = $1', [cycleId]);
  // PostgreSQL text cannot hold NUL, and no key or code contains one.
  const searchable = (sent: unknown) =>
    (typeof sent === 'string' ? sent : (JSON.stringify(sent) ?? '')).replaceAll('\u0000', '');
  // Other suites write templates and agencies into the same database at the same time: count only the rows this
  // request could have written, those whose key or code appears in what it sent (less the demo agencies).
  const templateCount = (sent: unknown) => () =>
    countOf(`SELECT count(*)::int AS n FROM templates WHERE strpos($1, key) > 0`, [searchable(sent)]);
  const agencyCount = (sent: unknown) => () =>
    countOf('SELECT count(*)::int AS n FROM agencies WHERE strpos($1, code) > 0 AND NOT (code = ANY($2))', [
      searchable(sent),
      DEMO_AGENCIES.map((demo) => demo.code),
    ]);

  /** Sends one malformed request and checks it is refused with a message and writes nothing. */
  async function expectRefused(count: () => Promise<number>, send: () => Promise<Reply>): Promise<void> {
    const before = await count();
    const reply = await send();
    const after = await count();
    const problems: string[] = [];
    if (reply.status < 400 || reply.status > 499) problems.push(`answered ${reply.status}, not a 4xx`);
    const message: unknown = reply.body?.message;
    if (typeof message !== 'string' || message.trim() === '') problems.push('the answer carries no message');
    if (after !== before) problems.push(`${after - before} row(s) were written`);
    if (problems.length > 0) {
      const shown = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      throw new Error(`${problems.join('; ')}: ${String(shown).slice(0, 600)}`);
    }
  }

  /** A value sent as JSON text (no body at all when it has no JSON form, like undefined). */
  const sendJson = (path: string, value: unknown, as: Caller, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(value) as string | undefined;
    return stack.request('POST', path, text, as, text === undefined ? headers : { ...json, ...headers });
  };

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    cycleId = await startCycle(stack, compressedPkri(YEAR, { submission: 900, others: 60 }));
    agency = await stack.account('agency', 'kab-banyuwangi');
    const own = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        title: OWN_TITLE,
        summary: 'Inovasi asli untuk uji replikasi dan judul ganda.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
      agency,
    );
    if (own.status !== 201) throw new Error(`registering the agency's own entry answered ${own.status}`);
    ownEntryId = own.body.id as string;
  });
  afterAll(() => stack.stop());

  // ---------------------------------------------------------------------------------------------------------------
  // POST /cycles/:cycleId/entries
  // ---------------------------------------------------------------------------------------------------------------

  type EntryPatch = {
    label: string;
    set?: Readonly<Json>;
    drop?: readonly string[];
    headers?: Record<string, string>;
  };

  function entryPatches(): fc.Arbitrary<EntryPatch> {
    const wrongValue = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
      fc.array(fc.integer(), { minLength: 1, maxLength: 3 }),
    );
    const visibleAscii = fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code));
    const badKey = fc.oneof(
      fc.constant(''),
      fc.string({ unit: visibleAscii, minLength: 201, maxLength: 260 }),
      fc
        .tuple(fc.string({ unit: visibleAscii, minLength: 1 }), fc.string({ unit: visibleAscii, minLength: 1 }))
        .map(([a, b]) => `${a} ${b}`),
      fc
        .tuple(fc.string({ unit: visibleAscii }), fc.integer({ min: 0xa1, max: 0xff }))
        .map(([a, code]) => `${a}${String.fromCharCode(code)}`),
    );
    const badUrl = fc.oneof(
      fc.constantFrom(
        'ftp://inovasi.example.go.id/bukti',
        'inovasi.example.go.id/bukti',
        'https://',
        'javascript:alert(1)',
        'mailto:humas@example.go.id',
        'https://exa mple.go.id/bukti',
        '//inovasi.example.go.id/bukti',
        '',
      ),
      fc.string({ maxLength: 30 }).filter((text) => !/^https?:\/\//i.test(text)),
    );
    const badDate = fc.oneof(
      fc.constantFrom(
        '2023-02-30',
        '2023-02-29',
        '2021-13-01',
        '2021-00-10',
        '2021-04-31',
        '2021-06-00',
        '0000-01-01',
        '2019-1-5',
        '15-01-2019',
        '2019/01/15',
        '2019-01-15T00:00:00Z',
        '20190115',
        '',
        'kemarin',
      ),
      fc.string({ maxLength: 12 }).filter((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text)),
    );
    const futureDate = fc
      .date({ min: new Date(Date.now() + 3 * 86_400_000), max: new Date('9999-12-31'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    const badUuid = fc.oneof(
      fc.constantFrom(
        '',
        '1234',
        'not-a-uuid',
        '00000000-0000-0000-0000-00000000000g',
        '{3f2504e0-4f89-11d3-9a0c-0305e82c3301}',
        '3f2504e04f8911d39a0c0305e82c3301',
      ),
      fc.string().filter((text) => !UUID.test(text)),
    );
    const link = (index: number) => `https://inovasi.example.go.id/bukti/${index}`;
    return fc.oneof(
      fc.constantFrom(...REQUIRED_ENTRY_FIELDS).map((field) => ({ label: `no ${field}`, drop: [field] })),
      fc
        .tuple(fc.constantFrom(...REQUIRED_ENTRY_FIELDS), wrongValue)
        .map(([field, value]) => ({ label: `${field} of a wrong type`, set: { [field]: value } })),
      fc.oneof(
        fc.integer({ min: 201, max: 400 }).map((n) => ({ label: 'title too long', set: { title: 'T'.repeat(n) } })),
        fc.string({ maxLength: 2 }).map((title) => ({ label: 'title too short', set: { title } })),
        fc
          .integer({ min: 5001, max: 20_500 })
          .map((n) => ({ label: 'summary too long', set: { summary: 'S'.repeat(n) } })),
        fc.string({ maxLength: 9 }).map((summary) => ({ label: 'summary too short', set: { summary } })),
        fc.integer({ min: 65, max: 200 }).map((n) => ({ label: 'group too long', set: { group: 'g'.repeat(n) } })),
        fc.integer({ min: 1980, max: 2100 }).map((n) => ({
          label: 'evidence link too long',
          set: { evidenceLinks: [`https://inovasi.example.go.id/${'a'.repeat(n)}`] },
        })),
        fc.integer({ min: 21, max: 120 }).map((n) => ({
          label: 'too many evidence links',
          set: { evidenceLinks: Array.from({ length: n }, (_, index) => link(index)) },
        })),
      ),
      fc
        .tuple(
          fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !ENTRY_FIELDS.includes(key)),
          fc.jsonValue({ maxDepth: 2 }),
        )
        .map(([key, value]) => ({ label: `unknown field ${key}`, set: { [key]: value } })),
      badDate.map((launchDate) => ({ label: 'impossible launch date', set: { launchDate } })),
      futureDate.map((launchDate) => ({ label: 'launch date in the future', set: { launchDate } })),
      fc.tuple(badUrl, fc.nat(2)).map(([url, at]) => {
        const evidenceLinks = [link(0), link(1)];
        evidenceLinks.splice(at, 0, url);
        return { label: 'an evidence link that is not an http(s) URL', set: { evidenceLinks } };
      }),
      badUuid.map((replicatesEntryId) => ({ label: 'replicatesEntryId not a UUID', set: { replicatesEntryId } })),
      fc
        .string({ minLength: 1, maxLength: 64 })
        .filter((group) => !GROUPS.includes(group))
        .map((group) => ({ label: 'a group the template lacks', set: { group } })),
      fc.uuid().map((id) => ({
        label: 'an original named outside the replication group',
        set: { group: 'keberlanjutan', replicatesEntryId: id },
      })),
      fc.constant({ label: 'replikasi without an original', set: { group: 'replikasi' }, drop: ['replicatesEntryId'] }),
      fc.uuid().map((id) => ({
        label: 'replikasi of an entry that does not exist',
        set: { group: 'replikasi', replicatesEntryId: id },
      })),
      fc.constant({ label: 'replikasi of its own entry', set: { group: 'replikasi', replicatesEntryId: '<own>' } }),
      badUuid.map((continuesEntryId) => ({ label: 'continuesEntryId not a UUID', set: { continuesEntryId } })),
      fc.uuid().map((id) => ({ label: 'continuing an entry that does not exist', set: { continuesEntryId: id } })),
      fc.constant({ label: 'continuing its entry of this same cycle', set: { continuesEntryId: '<own>' } }),
      fc.constant({ label: 'a title it already registered', set: { title: OWN_TITLE } }),
      fc
        .tuple(fc.constantFrom('title', 'summary'), fc.integer({ min: 3, max: 40 }))
        .map(([field, n]) => ({ label: `a blank ${field}`, set: { [field]: ' '.repeat(Math.max(n, 10)) } })),
      fc.tuple(fc.constantFrom('title', 'summary'), fc.nat(5)).map(([field, at]) => ({
        label: `a NUL character in the ${field}`,
        set: { [field]: `Inovasi ${'x'.repeat(at)}\u0000 pelayanan publik` },
      })),
      fc
        .oneof(
          fc.constantFrom('prov-jawa-timur', 'kota-padang'),
          fc.string().filter((code) => !SLUG.test(code)),
        )
        .map((agencyCode) => ({ label: 'an agencyCode not its own', set: { agencyCode } })),
      badKey.map((key) => ({ label: 'a malformed Idempotency-Key', headers: { 'idempotency-key': key } })),
    );
  }

  function applyEntryPatches(base: Json, patches: EntryPatch[]): { body: Json; headers: Record<string, string> } {
    const body: Json = { ...base };
    let headers: Record<string, string> = {};
    for (const patch of patches) {
      for (const field of patch.drop ?? []) delete body[field];
      for (const [field, value] of Object.entries(patch.set ?? {})) {
        // defineProperty: a generated key such as "constructor" becomes the body's own field, as JSON.parse makes it.
        Object.defineProperty(body, field, {
          value: value === '<own>' ? ownEntryId : value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      headers = { ...headers, ...patch.headers };
    }
    return { body, headers };
  }

  it('[registration] every malformed registration is refused with a 4xx and a message, and registers nothing', async () => {
    const path = `/cycles/${cycleId}/entries`;
    const validEntry = fc.record({
      title: fc.nat().map((n) => `Inovasi Uji Fuzz ${n}`),
      summary: fc.constant('Ringkasan inovasi pelayanan publik untuk uji fuzz.'),
      group: fc.constantFrom('keberlanjutan', 'pembina'),
      launchDate: fc
        .date({ min: new Date('1990-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
      evidenceLinks: fc.constant(INNOVATION.evidenceLinks),
    });
    const mutated = fc
      .tuple(validEntry, fc.array(entryPatches(), { minLength: 1, maxLength: 3 }))
      .map(([base, patches]) => ({ kind: 'mutated' as const, patches, ...applyEntryPatches(base, patches) }));
    const junk = fc.oneof(
      fc.anything().map((value) => ({ kind: 'json' as const, value })),
      fc.array(fc.anything(), { maxLength: 4 }).map((value) => ({ kind: 'json' as const, value })),
      fc
        .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 })
        .map((value) => ({ kind: 'json' as const, value })),
      fc.oneof(fc.string(), fc.string({ unit: 'binary' })).map((text) => ({ kind: 'text' as const, text })),
      fc.oneof(fc.string(), fc.string({ unit: 'binary' })).map((text) => ({ kind: 'raw-json' as const, text })),
      validEntry
        .chain((entry) => {
          const text = JSON.stringify(entry);
          return fc.integer({ min: 1, max: text.length - 1 }).map((end) => text.slice(0, end));
        })
        .map((text) => ({ kind: 'raw-json' as const, text })),
    );
    const hostile = HOSTILE_BODIES.map((text) => [{ kind: 'raw-json' as const, text }] as [Case]);
    type Case =
      | { kind: 'mutated'; body: Json; headers: Record<string, string>; patches: EntryPatch[] }
      | { kind: 'json'; value: unknown }
      | { kind: 'text'; text: string }
      | { kind: 'raw-json'; text: string };

    await fc.assert(
      fc.asyncProperty(fc.oneof({ arbitrary: mutated, weight: 3 }, { arbitrary: junk, weight: 2 }), async (input) => {
        const sent: Case = input;
        await expectRefused(entryCount, () => {
          switch (sent.kind) {
            case 'mutated':
              return sendJson(path, sent.body, agency, sent.headers);
            case 'json':
              return sendJson(path, sent.value, agency);
            case 'text':
              return stack.request('POST', path, sent.text, agency);
            case 'raw-json':
              return stack.request('POST', path, sent.text, agency, json);
          }
        });
      }),
      { numRuns: RUNS, examples: hostile },
    );
  });

  // ---------------------------------------------------------------------------------------------------------------
  // POST /templates
  // ---------------------------------------------------------------------------------------------------------------

  type TemplatePatch = { label: string; path: readonly (string | number)[]; value?: unknown; drop?: true };

  function templatePatches(base: CompetitionTemplate): fc.Arbitrary<TemplatePatch> {
    const notSlug = fc.oneof(
      fc.constantFrom('', 'Pkri Fuzz', 'pkri_fuzz', '-pkri', 'pkri-', 'PKRI', 'pkri--fuzz', null, 2081),
      fc.string().filter((text) => !SLUG.test(text)),
    );
    const notText = fc.constantFrom('', '   ', '\t\n', 42, null, ['PKRI'], {}, 'PKRI\u00002081');
    const stageIndex = fc.integer({ min: 0, max: base.stages.length - 1 });
    const laterStage = fc.integer({ min: 1, max: base.stages.length - 1 });
    const rubricKeys = base.rubrics.map((rubric) => rubric.key);
    const criterion = fc
      .integer({ min: 0, max: base.rubrics.length - 1 })
      .chain((r) => fc.tuple(fc.constant(r), fc.integer({ min: 0, max: base.rubrics[r].criteria.length - 1 })));
    const badLocalTime = fc.oneof(
      fc.constantFrom('besok', '2081-02-30T10:00', '2081-01-01 10:00', '2081-13-01T00:00', '', '2081-01-01T24:00'),
      fc.integer(),
    );
    return fc.oneof(
      notSlug.map((value) => ({ label: 'key not a slug', path: ['key'], value })),
      notSlug.map((value) => ({ label: 'programme not a slug', path: ['programme'], value })),
      fc
        .oneof(
          fc.integer({ max: 1999 }),
          fc.integer({ min: 2101 }),
          fc.double({ min: 2000.01, max: 2099.99, noNaN: true }).filter((year) => !Number.isInteger(year)),
          fc.constantFrom('2081', null),
        )
        .map((value) => ({ label: 'year out of range', path: ['year'], value })),
      notText.map((value) => ({ label: 'name not a text', path: ['name'], value })),
      fc
        .constantFrom(...TEMPLATE_FIELDS)
        .map((field) => ({ label: `no ${field}`, path: [field], drop: true as const })),
      fc
        .oneof(
          fc.constant([] as unknown),
          fc.constant('kota'),
          fc.constant([...base.clusters, base.clusters[0]]),
          fc
            .string()
            .filter((name) => !(CLUSTERS as readonly string[]).includes(name))
            .map((name) => [...base.clusters, name]),
        )
        .map((value) => ({ label: 'clusters broken', path: ['clusters'], value })),
      fc.tuple(criterion, fc.integer({ min: 1, max: 50 }), fc.boolean()).map(([[r, c], delta, up]) => ({
        label: 'criterion weights do not sum to 100',
        path: ['rubrics', r, 'criteria', c, 'weight'],
        value: base.rubrics[r].criteria[c].weight + (up ? delta : -delta),
      })),
      fc
        .tuple(criterion, fc.constantFrom({ min: 5, max: 5 }, { min: 10, max: 1 }, 'x', { min: '0', max: '100' }, null))
        .map(([[r, c], value]) => ({
          label: 'a scale without min < max',
          path: ['rubrics', r, 'criteria', c, 'scale'],
          value,
        })),
      fc.constant({ label: 'no rubrics', path: ['rubrics'], value: [] }),
      fc
        .tuple(
          fc.integer({ min: 0, max: base.groups.length - 1 }),
          fc.string().filter((key) => !rubricKeys.includes(key)),
        )
        .map(([g, value]) => ({ label: 'a group with an unknown rubric', path: ['groups', g, 'rubric'], value })),
      fc.constant({ label: 'a group key used twice', path: ['groups'], value: [...base.groups, base.groups[0]] }),
      fc.constant({ label: 'no groups', path: ['groups'], value: [] }),
      fc
        .tuple(fc.integer({ min: 0, max: base.groups.length - 1 }), fc.constantFrom('yes', 1, null, 'true'))
        .map(([g, value]) => ({ label: 'replication not a boolean', path: ['groups', g, 'replication'], value })),
      fc.constant({ label: 'no stages', path: ['stages'], value: [] }),
      fc
        .tuple(stageIndex, fc.constantFrom(null, 'pendaftaran', 42, []))
        .map(([i, value]) => ({ label: 'a stage not an object', path: ['stages', i], value })),
      fc
        .tuple(
          stageIndex,
          fc.string().filter((type) => !(STAGE_TYPES as readonly string[]).includes(type)),
        )
        .map(([i, value]) => ({ label: 'an unknown stage type', path: ['stages', i, 'type'], value })),
      fc
        .constantFrom('screening', 'announcement', 'plenary')
        .map((value) => ({ label: 'the first stage is not the submission', path: ['stages', 0, 'type'], value })),
      laterStage.map((i) => ({ label: 'a second submission stage', path: ['stages', i, 'type'], value: 'submission' })),
      fc
        .tuple(
          stageIndex,
          fc.oneof(
            fc.constantFrom('UTC', 'wib', 'WITA ', '', 'toString', null),
            fc.string().filter((zone) => !(ZONES as readonly string[]).includes(zone)),
          ),
        )
        .map(([i, value]) => ({ label: 'an unknown zone', path: ['stages', i, 'window', 'zone'], value })),
      fc
        .tuple(stageIndex, fc.constantFrom('opens', 'closes'), badLocalTime)
        .map(([i, end, value]) => ({ label: `a malformed ${end} time`, path: ['stages', i, 'window', end], value })),
      stageIndex.map((i) => ({
        label: 'a window that closes when it opens',
        path: ['stages', i, 'window', 'closes'],
        value: base.stages[i].window.opens,
      })),
      laterStage.map((i) => ({
        label: 'a window overlapping the stage before',
        path: ['stages', i, 'window'],
        value: { ...base.stages[i - 1].window },
      })),
      fc
        .tuple(stageIndex, fc.constantFrom(null, 'always', [], {}))
        .map(([i, value]) => ({ label: 'a malformed window', path: ['stages', i, 'window'], value })),
      fc
        .tuple(
          stageIndex,
          fc
            .string({ minLength: 1, maxLength: 20 })
            .filter((name) => !STAGE_PARAM_NAMES.includes(name) && name !== '__proto__'),
        )
        .map(([i, name]) => ({
          label: 'an unknown stage parameter',
          path: ['stages', i, 'params'],
          value: Object.defineProperty({}, name, { value: 1, enumerable: true }),
        })),
      fc
        .tuple(
          fc.constantFrom('minInnovationAgeYears', 'minEvidenceLinks', 'maxEvidenceLinks', 'maxSummaryLength'),
          fc.constantFrom(-1, 1.5, '2', null, true, 0 - 0.5),
        )
        .map(([name, value]) => ({
          label: 'a stage parameter out of range',
          path: ['stages', 0, 'params'],
          value: { [name]: value },
        })),
      fc.constantFrom('not an object', null, 7, []).map((value) => ({
        label: 'params not an object',
        path: ['stages', 0, 'params'],
        value,
      })),
    );
  }

  function applyTemplatePatches(base: CompetitionTemplate, patches: TemplatePatch[]): unknown {
    const definition = structuredClone(base) as unknown as Json;
    for (const patch of patches) {
      let parent: any = definition;
      for (const step of patch.path.slice(0, -1)) {
        if (parent === null || typeof parent !== 'object') break;
        parent = parent[step];
      }
      // An earlier patch may have replaced a parent with a non-object: the definition is broken already.
      if (parent === null || typeof parent !== 'object') continue;
      const last = patch.path[patch.path.length - 1];
      if (patch.drop) delete parent[last];
      else parent[last] = structuredClone(patch.value);
    }
    return definition;
  }

  it('[registration] every malformed template is refused with a 4xx and a message, and stores no version', async () => {
    const base = { ...compressedPkri(YEAR, { submission: 900, others: 60 }), key: 'fuzz-template' };
    const mutated = fc
      .array(templatePatches(base), { minLength: 1, maxLength: 3 })
      .map((patches) => ({ body: { definition: applyTemplatePatches(base, patches) } as unknown, patches }));
    const extraField = fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((key) => key !== 'definition' && key !== '__proto__'),
        fc.jsonValue({ maxDepth: 1 }),
      )
      .map(([key, value]) => ({
        body: Object.defineProperty({ definition: structuredClone(base) }, key, { value, enumerable: true }) as unknown,
        patches: [`unknown field ${key} beside the definition`],
      }));
    const junk = fc.oneof(
      fc.anything().map((body) => ({ body, patches: ['junk body'] })),
      fc.anything().map((definition) => ({ body: { definition } as unknown, patches: ['junk definition'] })),
      fc
        .dictionary(fc.constantFrom(...TEMPLATE_FIELDS), fc.jsonValue({ maxDepth: 2 }))
        .map((definition) => ({ body: { definition } as unknown, patches: ['junk fields'] })),
    );
    const hostile = [
      '{"definition": {"__proto__": {"key": "fuzz-proto"}}}',
      '{"__proto__": {"definition": {}}}',
      '{"definition": {"constructor": {"prototype": {"polluted": true}}}}',
      '{"definition": {"toString": 1, "valueOf": 1}}',
      '{"constructor": {"definition": {}}}',
      ...HOSTILE_BODIES,
    ].map((text) => [{ raw: text }] as [{ raw: string } | { body: unknown }]);

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: mutated, weight: 4 },
          { arbitrary: extraField, weight: 1 },
          { arbitrary: junk, weight: 2 },
        ),
        async (input: { raw: string } | { body: unknown }) => {
          await expectRefused(templateCount('raw' in input ? input.raw : input.body), () =>
            'raw' in input
              ? stack.request('POST', '/templates', input.raw, stack.admin, json)
              : sendJson('/templates', input.body, stack.admin),
          );
        },
      ),
      { numRuns: RUNS, examples: hostile },
    );
  });

  // ---------------------------------------------------------------------------------------------------------------
  // POST /agencies/import
  // ---------------------------------------------------------------------------------------------------------------

  type CsvPatch =
    | { kind: 'cell'; label: string; row: number; column: (typeof CSV_COLUMNS)[number]; value: string }
    | { kind: 'drop-column'; column: number }
    | { kind: 'extra-cell'; row: number; value: string }
    | { kind: 'duplicate-code'; row: number }
    | { kind: 'rename-header'; column: number; value: string }
    | { kind: 'unclosed-quote'; row: number };

  const csvPatch: fc.Arbitrary<CsvPatch> = (() => {
    const row = fc.nat(3);
    const anyText = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }));
    const cell = (column: (typeof CSV_COLUMNS)[number], label: string, values: fc.Arbitrary<string>) =>
      fc.tuple(row, values).map(([r, value]) => ({ kind: 'cell' as const, label, row: r, column, value }));
    return fc.oneof(
      cell(
        'cluster',
        'bad cluster',
        fc
          .oneof(fc.constantFrom('kelurahan', 'kab', ''), anyText)
          .filter(never((v) => (CLUSTERS as readonly string[]).includes(v))),
      ),
      cell(
        'zone',
        'bad zone',
        fc
          .oneof(fc.constantFrom('UTC', 'WITA+1', 'GMT+7', ''), anyText)
          .filter(never((v) => (ZONES as readonly string[]).includes(v))),
      ),
      cell(
        'contact_email',
        'bad email',
        fc
          .oneof(
            fc.constantFrom('humas', 'humas@', '@example.go.id', 'humas@example', 'a b@example.go.id', ''),
            anyText,
          )
          .filter(never((v) => EMAIL.test(v) && v.length <= 254)),
      ),
      cell(
        'code',
        'bad code',
        fc
          .oneof(fc.constantFrom('Kab Banyuwangi', 'kab_banyuwangi', '-kab', '', 'x'.repeat(65)), anyText)
          .filter(never((v) => SLUG.test(v) && v.length <= 64)),
      ),
      cell('name', 'name too short', fc.constantFrom('', 'ab', '  a  ')),
      cell(
        'name',
        'name too long',
        fc.integer({ min: 201, max: 300 }).map((n) => 'N'.repeat(n)),
      ),
      cell('province', 'province too short', fc.constantFrom('', 'J')),
      cell(
        'name',
        'a NUL character in the name',
        fc.nat(5).map((at) => `Pemerintah ${'x'.repeat(at)}\u0000 Fuzz`),
      ),
      cell('contact_name', 'no contact name', fc.constant('')),
      cell('contact_phone', 'bad phone', fc.constantFrom('abc', '12', '+62-abc', '1'.repeat(25), 'tel:+62333')),
      cell(
        'language',
        'bad language',
        fc
          .oneof(fc.constantFrom('ID', 'indonesia', 'fr', 'en-US'), anyText)
          .filter((v) => v.trim() !== '' && never((x) => ['id', 'en'].includes(x) || x === '')(v)),
      ),
      cell('code', 'a code already registered', fc.constantFrom('kab-banyuwangi', 'kota-padang')),
      fc.nat(CSV_COLUMNS.length - 1).map((column) => ({ kind: 'drop-column' as const, column })),
      fc
        .tuple(
          row,
          fc.string({ minLength: 1, maxLength: 10 }).filter((v) => v.trim() !== ''),
        )
        .map(([r, value]) => ({ kind: 'extra-cell' as const, row: r, value })),
      row.map((r) => ({ kind: 'duplicate-code' as const, row: r })),
      fc
        .tuple(
          fc.nat(CSV_COLUMNS.length - 1),
          fc.string({ maxLength: 15 }).filter((v) => !(CSV_COLUMNS as readonly string[]).includes(v.trim())),
        )
        .map(([column, value]) => ({ kind: 'rename-header' as const, column, value })),
      row.map((r) => ({ kind: 'unclosed-quote' as const, row: r })),
    );
  })();

  function csvFile(suffix: string, rowCount: number, patches: CsvPatch[]): string {
    let header: string[] = [...CSV_COLUMNS];
    let rows = Array.from({ length: rowCount }, (_, index) => [
      `fuzz-${suffix}-${index}`,
      `Pemerintah Kabupaten Fuzz ${index}`,
      'kabupaten',
      'Jawa Timur',
      'WIB',
      'Humas',
      `humas${index}@fuzz.example.go.id`,
      '+62 333 424172',
      'id',
    ]);
    let quoteLine: number | undefined;
    for (const patch of patches) {
      const r = 'row' in patch ? patch.row % rows.length : 0;
      switch (patch.kind) {
        case 'cell':
          rows[r][header.indexOf(patch.column)] = patch.value;
          break;
        case 'drop-column': {
          const name = CSV_COLUMNS[patch.column];
          const at = header.indexOf(name);
          if (at < 0) break;
          header = header.filter((_, index) => index !== at);
          rows = rows.map((cells) => cells.filter((_, index) => index !== at));
          break;
        }
        case 'extra-cell':
          rows[r] = [...rows[r], ...Array<string>(Math.max(0, header.length - rows[r].length)).fill(''), patch.value];
          break;
        case 'duplicate-code':
          rows.push([...rows[r]]);
          break;
        case 'rename-header':
          if (patch.column < header.length) header[patch.column] = patch.value;
          break;
        case 'unclosed-quote':
          quoteLine = r + 1;
          break;
      }
    }
    const lines = stringify([header, ...rows]).split('\n');
    if (quoteLine !== undefined) lines[quoteLine] = `"${lines[quoteLine]}`;
    return lines.join('\n');
  }

  it('[registration] every malformed agency CSV is refused with a 4xx and a message, and imports nobody', async () => {
    const header = CSV_COLUMNS.join(',');
    const broken = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9]{6}$/),
        fc.integer({ min: 1, max: 4 }),
        fc.array(csvPatch, { minLength: 1, maxLength: 2 }),
      )
      .map(([suffix, rowCount, patches]) => ({ text: csvFile(suffix, rowCount, patches), patches }));
    const empty = fc
      .constantFrom(
        '',
        '\n',
        '\r\n\r\n',
        '\ufeff',
        ',,,,,,,,\n,,,,,,,,',
        header,
        `${header}\n`,
        `${header}\n,,,,,,,,\n`,
      )
      .map((text) => ({ text, patches: ['an empty file'] as unknown[] }));
    const junk = fc
      .oneof(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc
          .array(fc.constantFrom(',', '"', '\n', '\r\n', ' ', ';', 'kab', 'WIB', 'kota', '\ufeff', header), {
            maxLength: 40,
          })
          .map((parts) => parts.join('')),
        fc.string({ maxLength: 200 }).map((text) => `${header}\n${text}`),
      )
      .map((text) => ({ text, patches: ['random text'] as unknown[] }));
    const notCsv = [
      [{ json: { csv: `${header}\nfuzz-json,Nama,kota,Jawa Timur,WIB,Humas,humas@fuzz.example.go.id,,id` } }],
      [{ json: [] }],
      [{ json: { toString: 1 } }],
      [{ json: { constructor: { prototype: { polluted: true } } } }],
    ] as [{ json: unknown } | { text: string }][];

    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ arbitrary: broken, weight: 4 }, { arbitrary: empty, weight: 1 }, { arbitrary: junk, weight: 2 }),
        async (input: { json: unknown } | { text: string }) => {
          await expectRefused(agencyCount('json' in input ? input.json : input.text), () =>
            'json' in input
              ? sendJson('/agencies/import', input.json, stack.admin)
              : stack.request('POST', '/agencies/import', input.text, stack.admin),
          );
        },
      ),
      { numRuns: RUNS, examples: notCsv },
    );
  });
  // ---------------------------------------------------------------------------------------------------------------
  // The edge cases the properties reach only by chance, each on its own so every one is reported.
  // ---------------------------------------------------------------------------------------------------------------

  const valid = (title: string): Json => ({
    title,
    summary: 'Ringkasan inovasi pelayanan publik untuk uji fuzz.',
    group: 'keberlanjutan',
    ...INNOVATION,
  });
  const register = (text: string) => () => stack.request('POST', `/cycles/${cycleId}/entries`, text, agency, json);
  const csvRow = (name: string) =>
    `${CSV_COLUMNS.join(',')}\nfuzz-edge,${name},kota,Jawa Timur,WIB,Humas,humas@fuzz.example.go.id,,id\n`;
  const EDGE_CASES: [string, () => () => Promise<Reply>, () => () => Promise<number>][] = [
    [
      'a registration with an extra "constructor" field',
      () => register(JSON.stringify(valid('Inovasi Uji Constructor')).replace(/}$/, ',"constructor":1}')),
      () => entryCount,
    ],
    [
      'a registration with an extra "toString" field',
      () => register(JSON.stringify(valid('Inovasi Uji ToString')).replace(/}$/, ',"toString":1}')),
      () => entryCount,
    ],
    ['a registration with a blank title', () => register(JSON.stringify(valid('          '))), () => entryCount],
    [
      'a registration with a blank summary',
      () => register(JSON.stringify({ ...valid('Inovasi Uji Ringkasan Kosong'), summary: ' '.repeat(12) })),
      () => entryCount,
    ],
    [
      'a registration with a NUL character in the title',
      () => register(JSON.stringify(valid('Inovasi \u0000 Uji'))),
      () => entryCount,
    ],
    [
      'an agency import with a NUL character in a name',
      () => () => stack.request('POST', '/agencies/import', csvRow('Pemerintah \u0000 Fuzz')),
      () => agencyCount(csvRow('Pemerintah \u0000 Fuzz')),
    ],
    [
      'a template with a NUL character in its name',
      () => () =>
        stack.request('POST', '/templates', {
          definition: {
            ...compressedPkri(YEAR, { submission: 900, others: 60 }),
            key: 'fuzz-nul',
            name: 'PKRI \u0000',
          },
        }),
      () => templateCount('fuzz-nul'),
    ],
  ];

  it.each(EDGE_CASES)(
    '[registration] %s is refused with a 4xx and a message, and writes nothing',
    async (_, send, count) => {
      await expectRefused(count(), send());
    },
  );
});
