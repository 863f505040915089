import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode } from '@temporalio/worker';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import * as tar from 'tar';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { bundleLogger } from '../support/bundle-logger';
import {
  closeStage,
  cycleStatus,
  ensureAgencies,
  INNOVATION,
  openStage,
  startCycle,
  stageReaches,
} from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { testEnv } from '../support/test-env';
import { addEvaluators, sheet } from '../desk/desk-fixtures';
import { auditTemplate, STAGES, tahap } from './audit-fixtures';

const YEAR = 2060;
/** Four entries scored by two evaluators (quota 2: the top two go on), and a fifth the agency withdraws. */
const ENTRIES = [
  { agency: 'kab-banyuwangi', quality: 62 },
  { agency: 'kota-padang', quality: 74 },
  { agency: 'kota-palopo', quality: 88 },
  { agency: 'kab-lamongan', quality: 51 },
];
const WITHDRAWN = { agency: 'kab-solok', reason: 'Tim inovasi dibubarkan setelah pergantian kepala dinas.' };

interface ReadModelEntry {
  status: string;
  currentStage: string;
  stages: { stageKey: string; kind: string; outcome: string | null; reason: string | null }[];
  deskScores: { evaluatorId: string; version: number; weighted: number }[];
}

describe('[audit] an auditor finds, reads, replays and verifies a cycle', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const ids: string[] = [];
  /** The cycle, its plenary (adjourned when the test closes the stage), the entries and the withdrawn one. */
  const workflowsOfCycle = () => 1 + 1 + ids.length + 1;
  let withdrawnId = '';
  let evaluators: { token: string; userId: string }[] = [];
  let auditor: { token: string; userId: string; email: string };
  let agency: { token: string };
  /** The read model right after the shortlist was made, and when it was read. */
  const atSelection: Record<string, ReadModelEntry> = {};
  let selectionReadAt = '';
  const scratch = mkdtempSync(join(testEnv('scratch'), 'audit-'));
  let browser: Browser;

  const readModel = async (entryId: string): Promise<ReadModelEntry> => {
    const [entry] = await stack.db.query('SELECT status, current_stage FROM entries WHERE id = $1', [entryId]);
    const stages = await stack.db.query(
      `SELECT stage_key AS "stageKey", kind, outcome, reason FROM entry_stage_events
        WHERE entry_id = $1 ORDER BY occurred_at, id`,
      [entryId],
    );
    const deskScores = await stack.db.query(
      `SELECT DISTINCT ON (user_id) user_id AS "evaluatorId", version, weighted::float AS weighted
         FROM desk_scores WHERE entry_id = $1 ORDER BY user_id, version DESC`,
      [entryId],
    );
    return { status: entry.status, currentStage: entry.current_stage, stages, deskScores };
  };

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    cycleId = await startCycle(stack, auditTemplate(YEAR));
    await stageReaches(stack, cycleId, STAGES.submission, 'open');
    evaluators = await addEvaluators(stack, cycleId, [
      { affiliations: ['univ-gadjah-mada'] },
      { affiliations: ['univ-hasanuddin'] },
    ]);
    auditor = await stack.account('auditor');
    for (const [index, entry] of [...ENTRIES, WITHDRAWN].entries()) {
      const caller = await stack.account('agency', entry.agency);
      if (index === 0) agency = caller;
      const registered = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        { title: `Inovasi audit ${index}`, summary: 'Inovasi untuk uji audit.', group: 'keberlanjutan', ...INNOVATION },
        caller,
      );
      expect(registered.status).toBe(201);
      if (index < ENTRIES.length) ids.push(registered.body.id);
      else {
        withdrawnId = registered.body.id;
        const withdrawn = await stack.request(
          'POST',
          `/entries/${withdrawnId}/withdraw`,
          { reason: WITHDRAWN.reason },
          caller,
        );
        expect(withdrawn.status).toBe(200);
      }
    }
    await closeStage(stack, cycleId, STAGES.submission);
    await openStage(stack, cycleId, STAGES.desk);
    for (const [index, entry] of ENTRIES.entries()) {
      for (const [offset, evaluator] of evaluators.entries()) {
        await eventually(`a sheet for entry ${index}`, async () => {
          const { status } = await stack.request(
            'POST',
            `/entries/${ids[index]}/desk-scores`,
            { scores: sheet(entry.quality - offset * 2), comment: 'Sesuai bukti.' },
            evaluator,
          );
          return status === 201 ? true : undefined;
        });
      }
    }
    await closeStage(stack, cycleId, STAGES.desk);
    await openStage(stack, cycleId, STAGES.selection);
    await closeStage(stack, cycleId, STAGES.selection);
    // The shortlist is made when the selection stage closes; every entry hears of it before the read model is read.
    await eventually(
      'every entry to have its selection outcome',
      async () => {
        const [{ count }] = await stack.db.query(
          `SELECT count(*)::int AS count FROM entry_stage_events
            WHERE entry_id = ANY($1) AND stage_key = $2 AND kind = 'completed'`,
          [ids, STAGES.selection],
        );
        return count === ids.length ? true : undefined;
      },
      120_000,
    );
    await openStage(stack, cycleId, STAGES.plenary);
    // …and the two on the shortlist have entered the plenary: after that nothing changes until it closes.
    await eventually('the shortlisted entries to enter the plenary', async () => {
      const [{ count }] = await stack.db.query(
        `SELECT count(*)::int AS count FROM entry_stage_events
          WHERE entry_id = ANY($1) AND stage_key = $2 AND kind = 'entered'`,
        [ids, STAGES.plenary],
      );
      return count === 2 ? true : undefined;
    });
    // …and the other two have ended eliminated (the status is written when their workflows end).
    await eventually('the other two entries to end eliminated', async () => {
      const [{ count }] = await stack.db.query(
        `SELECT count(*)::int AS count FROM entries WHERE id = ANY($1) AND status = 'eliminated'`,
        [ids],
      );
      return count === 2 ? true : undefined;
    });
    for (const id of ids) atSelection[id] = await readModel(id);
    selectionReadAt = new Date().toISOString();

    await closeStage(stack, cycleId, STAGES.plenary);
    await eventually('the cycle to complete', async () =>
      (await cycleStatus(stack, cycleId)).status === 'completed' ? true : undefined,
    );
    await eventually(
      'every entry workflow to end',
      async () => {
        for (const id of [...ids, withdrawnId]) {
          const { workflowId } = (
            await stack.db.query('SELECT workflow_id AS "workflowId" FROM entries WHERE id = $1', [id])
          )[0];
          const description = await stack.client.workflow.getHandle(workflowId).describe();
          if (description.status.name === 'RUNNING') return undefined;
        }
        return true;
      },
      120_000,
    );
    await recordReplayFixture(stack.client, cycleId, 'cycle-audit-sealed');
    const shortlisted = ids.find((id) => atSelection[id].status === 'active')!;
    await recordReplayFixture(stack.client, entryWorkflowId(shortlisted), 'entry-audit-sealed');
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  const entryWorkflowId = (entryId: string) => `entry-${cycleId}-${entryId}`;
  const asAuditor = (path: string) => stack.request('GET', path, undefined, auditor);
  const cli = (args: string[], env: Record<string, string> = {}) =>
    tahap(['--api', stack.baseUrl, '--token', auditor.token, ...args], env);

  it('[audit] finds workflows by cycle, agency, stage and status, and refuses a malformed filter', async () => {
    const byAgency = await asAuditor(`/audit/workflows?cycleId=${cycleId}&agencyCode=kota-palopo`);
    expect(byAgency.status).toBe(200);
    expect(byAgency.body.items.map((item: { workflowId: string }) => item.workflowId)).toEqual([
      entryWorkflowId(ids[2]),
    ]);
    const eliminated = await eventually('visibility to show the eliminated entries', async () => {
      const found = await asAuditor(`/audit/workflows?cycleId=${cycleId}&entryStatus=eliminated`);
      return found.body.items.length === 2 ? found.body.items : undefined;
    });
    expect(eliminated.map((item: { agencyCode: string }) => item.agencyCode).sort()).toEqual([
      'kab-banyuwangi',
      'kab-lamongan',
    ]);
    const cycles = await asAuditor(`/audit/workflows?cycleId=${cycleId}&type=cycleWorkflow&executionStatus=Completed`);
    expect(cycles.body.items).toHaveLength(1);
    expect(cycles.body.items[0]).toMatchObject({ workflowId: cycleId, stage: STAGES.plenary });

    const injected = await asAuditor(`/audit/workflows?cycleId=${encodeURIComponent("x' OR CycleId != '")}`);
    expect(injected.status).toBe(400);
    expect(injected.body.details[0]).toMatchObject({ path: 'cycleId' });
    expect((await stack.request('GET', `/audit/workflows?cycleId=${cycleId}`, undefined, agency)).status).toBe(403);
  });

  it('[audit] reads an entry’s history as a timeline in Indonesian and English, and raw', async () => {
    const id = await asAuditor(`/audit/workflows/${entryWorkflowId(withdrawnId)}/timeline?lang=id`);
    const en = await asAuditor(`/audit/workflows/${entryWorkflowId(withdrawnId)}/timeline?lang=en`);
    expect(id.status).toBe(200);
    const withdrawal = id.body.lines.find((line: { reason: string | null }) => line.reason === WITHDRAWN.reason);
    expect(withdrawal).toBeDefined();
    expect(withdrawal.local).toMatch(/WIB$/);
    expect(en.body.lines).toHaveLength(id.body.lines.length);
    expect(en.body.lines.map((line: { text: string }) => line.text)).not.toEqual(
      id.body.lines.map((line: { text: string }) => line.text),
    );
    // An entry of Palopo (WITA) is shown in its own zone; the desk scores name their evaluators.
    const palopo = await asAuditor(`/audit/workflows/${entryWorkflowId(ids[2])}/timeline?lang=id`);
    expect(palopo.body.lines[0].local).toMatch(/WITA$/);
    const actors = palopo.body.lines.map((line: { actor: string | null }) => line.actor);
    for (const evaluator of evaluators) expect(actors).toContain(evaluator.userId);

    const raw = await asAuditor(`/audit/workflows/${entryWorkflowId(ids[2])}/history`);
    expect(raw.status).toBe(200);
    const history = historyFromJSON(raw.body);
    const direct = await stack.client.workflow.getHandle(entryWorkflowId(ids[2])).fetchHistory();
    expect(history.events?.length).toBe(direct.events?.length);

    const runId = direct.events![0].workflowExecutionStartedEventAttributes!.originalExecutionRunId!;
    const ofRun = await asAuditor(`/audit/workflows/${entryWorkflowId(ids[2])}/timeline?lang=en&runId=${runId}`);
    expect(ofRun.status).toBe(200);
    expect(ofRun.body.runId).toBe(runId);
    const badRun = await asAuditor(`/audit/workflows/${entryWorkflowId(ids[2])}/timeline?runId=abc`);
    expect(badRun.status).toBe(400);
    expect(badRun.body.details[0]).toMatchObject({ path: 'runId' });
    expect((await asAuditor('/audit/workflows/entry-nothing-here/timeline')).status).toBe(404);
    expect((await asAuditor(`/audit/workflows/${cycleId}/timeline?lang=fr`)).status).toBe(400);
  });

  it('[audit] every decision is sealed into the hash-chained audit log and matches its history event', async () => {
    const check = await asAuditor(`/audit/cycles/${cycleId}/cross-check`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      workflows: workflowsOfCycle(),
      consistent: true,
      problems: [],
      headsLost: [],
      pending: 0,
      notStarted: [],
    });
    // Every workflow sealed itself: an admin's seal of the cycle finds nothing left to add; auditors cannot seal.
    const sealed = await stack.request('POST', `/audit/cycles/${cycleId}/seal`, {});
    expect(sealed.status).toBe(201);
    expect(sealed.body).toMatchObject({ workflows: workflowsOfCycle(), appended: 0 });
    expect((await stack.request('POST', `/audit/cycles/${cycleId}/seal`, {}, auditor)).status).toBe(403);
    const rows = await asAuditor(`/audit/log?cycleId=${cycleId}&limit=5000`);
    const scoreRows = rows.body.filter(
      (row: { eventType: string; name: string }) =>
        row.eventType === 'update-accepted' && row.name === 'submitDeskScore',
    );
    expect(scoreRows).toHaveLength(ENTRIES.length * evaluators.length);
    expect(new Set(scoreRows.map((row: { actor: string }) => row.actor))).toEqual(
      new Set(evaluators.map((evaluator) => evaluator.userId)),
    );
    const withdrawal = rows.body.find(
      (row: { entryId: string; name: string; eventType: string }) =>
        row.entryId === withdrawnId && row.name === 'withdrawEntry' && row.eventType === 'update-accepted',
    );
    expect(withdrawal.payload.args[0].reason).toBe(WITHDRAWN.reason);
    const verified = await asAuditor('/audit/log/verify');
    expect(verified.body.firstBroken).toBeNull();
    expect(verified.body.checked).toBeGreaterThanOrEqual(rows.body.length);
  });

  it('[audit] the point-in-time state of an entry at the moment of selection equals what the read model held then', async () => {
    for (const id of ids) {
      const state = await asAuditor(`/audit/entries/${id}/state?at=${encodeURIComponent(selectionReadAt)}`);
      expect(state.status).toBe(200);
      const then = atSelection[id];
      expect({ status: state.body.status, currentStage: state.body.currentStage }).toEqual({
        status: then.status,
        currentStage: then.currentStage,
      });
      expect(
        state.body.stages.flatMap(
          (stage: {
            stageKey: string;
            enteredAt: string | null;
            completedAt: string | null;
            outcome: string | null;
            reason: string | null;
          }) => [
            ...(stage.enteredAt ? [{ stageKey: stage.stageKey, kind: 'entered', outcome: null, reason: null }] : []),
            ...(stage.completedAt
              ? [
                  {
                    stageKey: stage.stageKey,
                    kind: 'completed',
                    outcome: stage.outcome ?? null,
                    reason: stage.reason ?? null,
                  },
                ]
              : []),
          ],
        ),
      ).toEqual(then.stages);
      expect(
        state.body.deskScores.map((score: { evaluatorId: string; version: number; weighted: number }) => ({
          evaluatorId: score.evaluatorId,
          version: score.version,
          weighted: score.weighted,
        })),
      ).toEqual(then.deskScores);
    }
    // Today the same entries read differently: the cycle went on after the selection.
    const passed = ids.find((id) => atSelection[id].status === 'active')!;
    expect(atSelection[passed].status).toBe('active');
    expect((await readModelNow(passed)).status).toBe('completed');
    const beyond = await asAuditor(`/audit/entries/${ids[0]}/state?eventId=999999`);
    expect(beyond.status).toBe(422);
    expect((await asAuditor(`/audit/entries/${ids[0]}/state`)).status).toBe(400);
  });

  async function readModelNow(entryId: string) {
    const [entry] = await stack.db.query('SELECT status FROM entries WHERE id = $1', [entryId]);
    return { status: entry.status as string };
  }

  it('[audit] every history of the cycle replays on the current code; a drifted workflow diverges at the expected event', async () => {
    const replayed = await asAuditor(`/audit/cycles/${cycleId}/replay`);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ replayed: workflowsOfCycle(), diverged: [] });

    // Read as it goes: the count at once, the same summary last; an unknown cycle is refused before any line.
    const asLines = { accept: 'application/x-ndjson' };
    const streamed = await stack.request('GET', `/audit/cycles/${cycleId}/replay`, undefined, auditor, asLines);
    expect(streamed.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (streamed.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ progress: { replayed: 0, total: workflowsOfCycle() } });
    expect(lines.at(-1)).toEqual({ result: replayed.body });
    const unknown = await stack.request('GET', '/audit/cycles/cycle-nope/replay', undefined, auditor, asLines);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: expect.any(String), message: expect.stringContaining('cycle-nope') });
    const one = await asAuditor(`/audit/workflows/${entryWorkflowId(ids[1])}/replay`);
    expect(one.body).toMatchObject({ ok: true, divergedAt: null });

    // The negative control: a cycleWorkflow that completes at once cannot replay the real cycle.
    const drifted = await bundleWorkflowCode({
      workflowsPath: require.resolve('../replay/drifted'),
      logger: bundleLogger,
    });
    const driftedPath = join(scratch, 'drifted-bundle.js');
    writeFileSync(driftedPath, drifted.code);
    const archive = join(scratch, 'for-drift.tar.gz');
    expect((await cli(['audit', 'export', '--cycle', cycleId, '--out', archive])).code).toBe(0);
    const result = await tahap(['audit', 'replay', '--archive', archive, '--bundle', driftedPath]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`DIVERGED ${cycleId}: event 5 (UpsertWorkflowSearchAttributes)`);
  });

  it('[audit] an exported archive verifies, a flipped byte is detected, and it replays with no Temporal server', async () => {
    const archive = join(scratch, 'cycle.tar.gz');
    const exported = await cli(['audit', 'export', '--cycle', cycleId, '--out', archive]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`${workflowsOfCycle()} histories`);
    const published = /manifest SHA-256: ([0-9a-f]{64})/.exec(exported.stdout)![1];

    // No API, no Temporal: the address below has nothing listening.
    const offline = { TEMPORAL_ADDRESS: '127.0.0.1:1', TAHAP_API_URL: 'http://127.0.0.1:1' };
    const imported = await tahap(['audit', 'import', archive, '--replay', '--manifest-sha256', published], offline);
    expect(imported.stderr).not.toMatch(/tahap:/);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`${workflowsOfCycle()} replayed, ${workflowsOfCycle()} OK, 0 diverged`);

    const otherDigest = await tahap(['audit', 'import', archive, '--manifest-sha256', '0'.repeat(64)], offline);
    expect(otherDigest.code).toBe(1);
    expect(otherDigest.stdout).toContain('not to the published');
    expect((await tahap(['audit', 'import', join(scratch, 'no-such.tar.gz')], offline)).code).toBe(2);

    const damaged = join(scratch, 'damaged.tar.gz');
    const bytes = readFileSync(archive);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    writeFileSync(damaged, bytes);
    const refused = await tahap(['audit', 'import', damaged], offline);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/PROBLEM/);

    // A history edited inside a well-formed archive: its SHA-256 no longer matches the manifest.
    const unpacked = mkdtempSync(join(scratch, 'unpacked-'));
    await tar.x({ file: archive, cwd: unpacked });
    const edited = `histories/${entryWorkflowId(ids[0])}`;
    const target = readdirSync(join(unpacked, 'histories')).find((file) => `histories/${file}`.startsWith(edited))!;
    const history = readFileSync(join(unpacked, 'histories', target));
    // One digit in the middle of the file, changed: still valid JSON, no longer the history that was exported.
    const digit = history.findIndex((byte, index) => index > history.length / 2 && byte >= 0x30 && byte <= 0x38);
    history[digit] += 1;
    writeFileSync(join(unpacked, 'histories', target), history);
    const repacked = join(scratch, 'edited.tar.gz');
    await tar.c({ gzip: true, file: repacked, cwd: unpacked, portable: true }, readdirSync(unpacked));
    const caught = await tahap(['audit', 'import', repacked], offline);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toContain(`histories/${target}`);
  });

  it('[audit] the CLI reads, verifies the log, and exits with codes scripts can rely on', async () => {
    const found = await cli(['audit', 'find', '--cycle', cycleId, '--agency', 'kota-padang']);
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(entryWorkflowId(ids[1]));
    const shown = await cli(['audit', 'show', entryWorkflowId(withdrawnId), '--lang', 'en']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(WITHDRAWN.reason);
    const verified = await cli(['audit', 'verify-log', '--cycle', cycleId]);
    expect(verified.stdout).toMatch(/chain intact/);
    expect(verified.code).toBe(0);
    const replayed = await cli(['audit', 'replay', entryWorkflowId(ids[3])]);
    expect(replayed.code).toBe(0);

    expect((await cli(['audit', 'show', 'entry-nothing-here'])).code).toBe(2);
    expect((await cli(['audit', 'find', '--status', 'Sleeping'])).code).toBe(2);
    expect((await cli(['audit', 'frobnicate'])).code).toBe(2);
    const unreachable = await tahap(['--api', 'http://127.0.0.1:1', '--token', 'x', 'audit', 'find']);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/Cannot reach the Tahap API/);
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }

  it('[portal-audit] an auditor finds an entry, reads its timeline, runs a replay of the cycle and sees every workflow verified, downloads the export and sees its digest', async () => {
    const palopo = entryWorkflowId(ids[2]);
    const page = await (await newWindow(browser, stack.origin)).newPage();
    await signIn(page, auditor.email, 'password-for-tests', `/audit?siklus=${cycleId}`);
    await page.getByRole('heading', { name: 'Audit: cari alur kerja' }).waitFor();
    // The cycle's filter came from the address; the agency's is chosen, and kept in the address too.
    await page.getByRole('combobox', { name: 'Instansi' }).fill('kota-palopo');
    await page.getByRole('option', { name: /kota-palopo/ }).click();
    await page.getByText('1 alur kerja ditemukan').waitFor();
    expect(new URL(page.url()).searchParams.get('instansi')).toBe('kota-palopo');
    await expectAccessible(page);
    await page.getByRole('link', { name: palopo }).click();

    // The timeline in Indonesian (the portal's language), in Palopo's zone, naming the evaluators who scored.
    const shown = (await asAuditor(`/audit/workflows/${palopo}/timeline?lang=id`)).body;
    expect(shown.lines[0].local).toMatch(/WITA$/);
    const timeline = page.getByRole('region', { name: 'Linimasa' });
    await timeline.getByRole('cell', { name: shown.lines[0].local, exact: true }).first().waitFor();
    expect(await timeline.getByRole('row').count()).toBe(shown.lines.length + 1);
    await timeline.getByRole('cell', { name: shown.lines[0].text, exact: true }).first().waitFor();
    for (const evaluator of evaluators) await timeline.getByText(evaluator.userId).first().waitFor();
    // The entry at its first event, then at its last: eliminated or through, as the read model says now.
    const state = page.getByRole('region', { name: 'Keadaan inovasi pada suatu titik' });
    await state.getByText(`Keadaan setelah peristiwa ${shown.lines.at(-1).eventId} `).waitFor();
    await state.getByRole('slider', { name: 'Peristiwa riwayat' }).press('Home');
    await state.getByText(`Keadaan setelah peristiwa ${shown.lines[0].eventId} `).waitFor();
    await state.getByTestId('entry-state').getByText('Aktif', { exact: true }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-timeline');
    const [raw] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh riwayat mentah (JSON)' }).click(),
    ]);
    const direct = await stack.client.workflow.getHandle(palopo).fetchHistory();
    expect(JSON.parse(readFileSync((await raw.path())!, 'utf8')).events).toHaveLength(direct.events!.length);

    // Back to the search, its filters intact, and on to the cycle's verification.
    await page.goBack();
    await page.getByText('1 alur kerja ditemukan').waitFor();
    await page.getByRole('link', { name: `Verifikasi siklus ${cycleId}` }).click();
    const [replayed] = await Promise.all([
      asAuditor(`/audit/cycles/${cycleId}/replay`),
      page.getByRole('button', { name: 'Replay seluruh siklus' }).click(),
    ]);
    const count = replayed.body.replayed;
    expect(count).toBe(workflowsOfCycle());
    await page
      .getByTestId('replay-summary')
      .getByText(`${count} riwayat dijalankan ulang: ${count} terverifikasi, 0 menyimpang.`)
      .waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Periksa silang' }).click();
    await page.getByTestId('cross-check-verdict').getByText(`Konsisten: ${count} run alur kerja diperiksa`).waitFor();
    await page.getByRole('button', { name: 'Periksa rantai' }).click();
    await page
      .getByTestId('log-verdict')
      .getByText(/^Rantai utuh/)
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh arsip' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${cycleId}-audit.tar.gz`);
    const unpacked = mkdtempSync(join(scratch, 'portal-'));
    await tar.x({ file: (await download.path())!, cwd: unpacked });
    const digest = createHash('sha256')
      .update(readFileSync(join(unpacked, 'manifest.json')))
      .digest('hex');
    expect(readFileSync(join(unpacked, 'manifest.sha256'), 'utf8').trim()).toBe(digest);
    await page.getByTestId('export-digest').getByText(digest).waitFor();
    await page.getByText(/berkas cocok dengan manifesnya/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit-replay');
    await page.context().close();
  });
});
