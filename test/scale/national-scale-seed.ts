/**
 * A national cycle's worth of rows, written with set-based SQL so that filling takes seconds: 550 agencies, the
 * running cycle (`SCALE.cycleId`) with 10,000 entries and last year's with 2,000, three evaluators per entry in the
 * open desk stage, 1,000 interviews a year on ten panels (the running cycle's in its open interview stage), drafts, notices with their deliveries,
 * and the audit log's rows for every entry.
 */
export const SCALE = {
  cycleId: 'scale-2030',
  lastYearsCycleId: 'scale-2029',
  entries: 10_000,
  lastYearsEntries: 2_000,
  agencies: 550,
  evaluators: 150,
  evaluatorsPerEntry: 3,
  panels: 10,
  panelistsPerPanel: 3,
  /** An agency of the running cycle, as the agency's own list and inbox name it. */
  agencyCode: 'scale-007',
  deskStage: 'desk',
  interviewStage: 'interview',
} as const;

/** Every table the seed fills with thousands of rows: none of them may be read whole by a hot query. */
export const FILLED_TABLES = [
  'entries',
  'entry_assignments',
  'entry_drafts',
  'desk_assignments',
  'desk_scores',
  'interview_bookings',
  'interview_scores',
  'notices',
  'deliveries',
  'audit_log',
] as const;

const CLUSTERS = `ARRAY['kementerian','lembaga','provinsi','kabupaten','kota','bumn','bumd']`;
const PASSWORD_HASH = `'$2a$10$scale.seed.accounts.never.sign.in.......'`;

const PEOPLE = [
  `INSERT INTO templates (key, version, definition) VALUES ('scale', 1, '{}')`,
  `INSERT INTO agencies (code, name, cluster, province, zone, region_3t)
   SELECT 'scale-' || lpad(a::text, 3, '0'), 'Instansi ' || a, (${CLUSTERS})[1 + a % 7], 'Provinsi ' || a % 38,
          (ARRAY['WIB','WITA','WIT'])[1 + a % 3], a % 9 = 0
     FROM generate_series(0, ${SCALE.agencies - 1}) a`,
  `INSERT INTO users (email, display_name, role, agency_code, password_hash)
   SELECT 'admin@' || code || '.scale.test', 'Admin Lokal ' || code, 'agency', code, ${PASSWORD_HASH} FROM agencies`,
  `INSERT INTO users (email, display_name, role, password_hash)
   SELECT 'evaluator-' || lpad(u::text, 3, '0') || '@scale.test', 'Penilai ' || u, 'evaluator', ${PASSWORD_HASH}
     FROM generate_series(0, ${SCALE.evaluators - 1}) u`,
  `INSERT INTO users (email, display_name, role, password_hash)
   SELECT 'panelist-' || lpad(u::text, 3, '0') || '@scale.test', 'Panelis ' || u, 'panelist', ${PASSWORD_HASH}
     FROM generate_series(0, ${SCALE.panels * SCALE.panelistsPerPanel - 1}) u`,
];

const CYCLES = [
  `INSERT INTO cycles (id, programme, year, template_key, template_version, resolved_template, status, created_at)
   VALUES ('${SCALE.lastYearsCycleId}', 'scale', 2029, 'scale', 1, '{}', 'completed', '2029-01-02T00:00:00Z'),
          ('${SCALE.cycleId}', 'scale', 2030, 'scale', 1, '{}', 'running', '2030-01-02T00:00:00Z')`,
  `INSERT INTO cycle_stages (cycle_id, key, position, type, name, zone, opens_at, closes_at, status)
   VALUES ('${SCALE.cycleId}', 'submission', 0, 'submission', 'Pendaftaran', 'WIB',
           '2030-01-02T00:00:00Z', '2030-02-01T00:00:00Z', 'closed'),
          ('${SCALE.cycleId}', 'screening', 1, 'screening', 'Seleksi administrasi', 'WIB',
           '2030-02-01T00:00:00Z', '2030-02-15T00:00:00Z', 'closed'),
          ('${SCALE.cycleId}', '${SCALE.deskStage}', 2, 'desk-evaluation', 'Penilaian proposal', 'WIB',
           '2030-02-15T00:00:00Z', '2030-04-01T00:00:00Z', 'open'),
          ('${SCALE.cycleId}', '${SCALE.interviewStage}', 3, 'interview', 'Wawancara', 'WIB',
           '2030-02-15T00:00:00Z', '2030-04-01T00:00:00Z', 'open')`,
];

/** Entries in registration order (as they arrive), each agency's cluster carried over, a few out of the running. */
function entriesOf(cycleId: string, count: number, firstDay: string, lastYear: boolean): string {
  const status = lastYear
    ? `'completed'`
    : `CASE WHEN i % 10 = 0 THEN 'eliminated' WHEN i % 50 = 7 THEN 'withdrawn' ELSE 'active' END`;
  const stage = lastYear
    ? `'plenary'`
    : `CASE WHEN i % 10 = 0 THEN 'screening' WHEN i % 10 = 1 THEN '${SCALE.interviewStage}' ELSE '${SCALE.deskStage}' END`;
  return `
    INSERT INTO entries (cycle_id, agency_code, title, summary, group_key, cluster, status, current_stage, workflow_id,
                         created_at, updated_at)
    SELECT '${cycleId}', 'scale-' || lpad((i % ${SCALE.agencies})::text, 3, '0'), 'Inovasi layanan nomor ' || i,
           repeat('Ringkasan inovasi pelayanan publik. ', 20), 'group-' || i % 6,
           (${CLUSTERS})[1 + (i % ${SCALE.agencies}) % 7], ${status}, ${stage}, 'entry-${cycleId}-' || i,
           timestamptz '${firstDay}' + i * interval '4 minutes', timestamptz '${firstDay}' + i * interval '4 minutes'
      FROM generate_series(1, ${count}) i`;
}

/** A cycle's entries numbered in registration order, for the statements that spread work over them. */
function numbered(cycleId: string): string {
  return `numbered AS (
    SELECT id, agency_code, current_stage, status, workflow_id, created_at,
           row_number() OVER (ORDER BY created_at, id) AS n
      FROM entries WHERE cycle_id = '${cycleId}')`;
}
const EVALUATORS = `(SELECT array_agg(id ORDER BY email) FROM users WHERE role = 'evaluator')`;

const DESK = [
  `WITH ${numbered(SCALE.cycleId)}, evaluators AS (SELECT ${EVALUATORS} AS ids)
   INSERT INTO desk_assignments (cycle_id, stage_key, entry_id, user_id, reason, assigned_by, assigned_at)
   SELECT '${SCALE.cycleId}', '${SCALE.deskStage}', numbered.id,
          evaluators.ids[1 + (numbered.n * ${SCALE.evaluatorsPerEntry} + k) % ${SCALE.evaluators}],
          'spread', 'rule', timestamptz '2030-02-15T00:00:00Z'
     FROM numbered, evaluators, generate_series(0, ${SCALE.evaluatorsPerEntry - 1}) k
    WHERE numbered.current_stage = '${SCALE.deskStage}'`,
  `INSERT INTO entry_assignments (entry_id, user_id, role, assigned_at)
   SELECT entry_id, user_id, 'evaluator', assigned_at FROM desk_assignments`,
  // One sheet of every three assignments is in, some in a second version.
  `INSERT INTO desk_scores (cycle_id, stage_key, entry_id, user_id, version, scores, weighted, submitted_at, update_id)
   SELECT cycle_id, stage_key, entry_id, user_id, version, '{}', 72.5, assigned_at + version * interval '1 day',
          'desk-' || id || '-' || version
     FROM desk_assignments, generate_series(1, 1 + (id % 2)::int) version
    WHERE id % 3 = 0`,
];

/**
 * One entry in ten of a cycle is interviewed, on ten panels of three (the same panelists each year); every
 * booking was moved twice before it settled, so released bookings sit beside the live ones as they do after a season.
 */
function interviewsOf(cycleId: string): string[] {
  const stage = SCALE.interviewStage;
  const firstSlot = `timestamptz '${cycleId === SCALE.cycleId ? '2030' : '2029'}-03-01T01:00:00Z'`;
  return [
    `INSERT INTO interview_panels (cycle_id, stage_key, panel_key, name, meeting_url)
     SELECT '${cycleId}', '${stage}', 'panel-' || p, 'Panel ' || p, 'https://meet.example/p' || p
       FROM generate_series(0, ${SCALE.panels - 1}) p`,
    `INSERT INTO interview_panelists (cycle_id, stage_key, panel_key, user_id, affiliations)
     SELECT '${cycleId}', '${stage}', 'panel-' || (n % ${SCALE.panels}), id, '{}'
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE role = 'panelist') panelists`,
    `WITH ${numbered(cycleId)}, interviewed AS (
       SELECT id, row_number() OVER (ORDER BY n) - 1 AS k FROM numbered WHERE n % 10 = 1),
     slots AS (
       INSERT INTO interview_slots (cycle_id, stage_key, panel_key, starts_at, ends_at, meeting_url)
       SELECT '${cycleId}', '${stage}', 'panel-' || (k % ${SCALE.panels}),
              ${firstSlot} + (k / ${SCALE.panels}) * interval '30 minutes',
              ${firstSlot} + (k / ${SCALE.panels}) * interval '30 minutes' + interval '25 minutes',
              'https://meet.example/p' || (k % ${SCALE.panels})
         FROM interviewed
       RETURNING id, panel_key, starts_at)
     INSERT INTO interview_bookings (cycle_id, stage_key, entry_id, slot_id, booked_by, reason, released_at)
     SELECT '${cycleId}', '${stage}', interviewed.id, slots.id, 'allocation', 'allocated',
            CASE WHEN move < 2 THEN ${firstSlot} - (2 - move) * interval '1 day' END
       FROM interviewed
       JOIN slots ON slots.panel_key = 'panel-' || (interviewed.k % ${SCALE.panels})
                AND slots.starts_at = ${firstSlot} + (interviewed.k / ${SCALE.panels}) * interval '30 minutes',
            generate_series(0, 2) move`,
    `INSERT INTO entry_assignments (entry_id, user_id, role)
     SELECT b.entry_id, p.user_id, 'panelist'
       FROM interview_bookings b
       JOIN interview_slots s ON s.id = b.slot_id
       JOIN interview_panelists p ON p.cycle_id = s.cycle_id AND p.stage_key = s.stage_key AND p.panel_key = s.panel_key
      WHERE b.cycle_id = '${cycleId}' AND b.released_at IS NULL`,
    `INSERT INTO interview_scores (cycle_id, stage_key, entry_id, user_id, version, scores, weighted, update_id)
     SELECT b.cycle_id, b.stage_key, b.entry_id, a.user_id, 1, '{}', 80, 'interview-' || b.id || '-' || a.user_id
       FROM interview_bookings b JOIN entry_assignments a ON a.entry_id = b.entry_id AND a.role = 'panelist'
      WHERE b.cycle_id = '${cycleId}' AND b.released_at IS NULL`,
  ];
}

const DRAFTS = [
  // Every entry was a draft first (submitted, so it names its entry) …
  `INSERT INTO entry_drafts (id, cycle_id, agency_code, created_by, title, summary, status, entry_id, created_at,
                             updated_at, submitted_at)
   SELECT gen_random_uuid(), e.cycle_id, e.agency_code, u.id, e.title, e.summary, 'submitted', e.id,
          e.created_at - interval '3 days', e.created_at, e.created_at
     FROM entries e JOIN users u ON u.agency_code = e.agency_code AND u.role = 'agency'`,
  // … and each agency has two more in the making.
  `INSERT INTO entry_drafts (id, cycle_id, agency_code, created_by, title, summary, status, created_at, updated_at)
   SELECT gen_random_uuid(), '${SCALE.cycleId}', u.agency_code, u.id, 'Rancangan ' || d || ' ' || u.agency_code,
          repeat('Ringkasan inovasi pelayanan publik. ', 20),
          CASE WHEN d = 0 THEN 'in_review' ELSE 'draft' END,
          timestamptz '2030-01-02T00:00:00Z' + (d * ${SCALE.agencies} + n) * interval '20 minutes',
          timestamptz '2030-01-02T00:00:00Z' + (d * ${SCALE.agencies} + n) * interval '20 minutes'
     FROM (SELECT id, agency_code, row_number() OVER (ORDER BY agency_code) AS n FROM users WHERE role = 'agency') u,
          generate_series(0, 1) d`,
];

const NOTICES = [
  // Three notices per entry to its agency (registered, screened, invited), read once a day has passed.
  `INSERT INTO notices (key, agency_code, kind, subject, body, language, created_at, read_at)
   SELECT e.cycle_id || '/' || e.id || '/' || kind, e.agency_code, kind, 'Pemberitahuan ' || kind,
          repeat('Isi pemberitahuan. ', 10), 'id', e.created_at + k * interval '10 days',
          CASE WHEN k < 2 THEN e.created_at + k * interval '10 days' + interval '1 day' END
     FROM entries e, unnest(ARRAY['registered','screened','invited']) WITH ORDINALITY AS kinds(kind, k)`,
  // Desk reminders to each evaluator, in their own inbox.
  `INSERT INTO notices (key, recipient_email, user_id, kind, subject, body, language, created_at)
   SELECT '${SCALE.cycleId}/reminder/' || r || '/' || u.id, u.email, u.id, 'desk-reminder', 'Pengingat penilaian',
          'Sisa lembar penilaian.', 'id', timestamptz '2030-02-16T00:00:00Z' + r * interval '1 day'
     FROM users u, generate_series(1, 20) r WHERE u.role = 'evaluator'`,
  `INSERT INTO deliveries (notice_id, channel, target, status, attempts, message_id, run_id, created_at)
   SELECT id, 'email', coalesce(recipient_email, 'humas@' || agency_code || '.go.id'),
          CASE WHEN id % 40 = 0 THEN 'failed' ELSE 'delivered' END, 1, '<' || id || '@tahap>', 'run', created_at
     FROM notices`,
];

// Rows as the sealing activity writes them; the hashes are shaped right, not chained (nothing here verifies them).
const AUDIT = [
  `INSERT INTO audit_log (seq, workflow_id, run_id, event_id, event_type, name, occurred_at, cycle_id, entry_id,
                          payload, recorded_at, prev_hash, hash)
   SELECT row_number() OVER (ORDER BY e.created_at, e.id, event), e.workflow_id, 'run-1', event,
          CASE WHEN event = 1 THEN 'started' ELSE 'signal' END, CASE WHEN event = 1 THEN 'entryWorkflow' ELSE 'stageEvent' END,
          e.created_at + event * interval '1 hour', e.cycle_id, e.id, '{}', e.created_at + event * interval '1 hour',
          md5(e.id::text || event) || md5(e.workflow_id || event), md5(e.workflow_id || event) || md5(e.id::text || event)
     FROM entries e, generate_series(1, 5) event`,
];

/** Every statement of the seed, in order; `VACUUM ANALYZE` follows, as autovacuum would on a live database. */
export const SEED_STATEMENTS = [
  ...PEOPLE,
  ...CYCLES,
  entriesOf(SCALE.lastYearsCycleId, SCALE.lastYearsEntries, '2029-01-02T00:00:00Z', true),
  entriesOf(SCALE.cycleId, SCALE.entries, '2030-01-02T00:00:00Z', false),
  ...DESK,
  ...interviewsOf(SCALE.lastYearsCycleId),
  ...interviewsOf(SCALE.cycleId),
  ...DRAFTS,
  ...NOTICES,
  ...AUDIT,
];
