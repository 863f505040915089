import type { Browser, Locator, Page } from 'playwright-core';
import { formatNumber } from '../../apps/web/src/format/time';
import { PKRI_2024, weightedScore } from '../../libs/domain';
import { launchBrowser, newWindow, screenshot, seriousAxeViolations, signIn } from '../support/browser';
import { closeStage, ensureAgencies, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import { recordReplayFixture, scheduledActivityInputs } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { addEvaluators, deskTemplate, sheet, STAGES } from './desk-fixtures';

/** Six entries of six agencies; their "true" quality, which evaluator A scores as is and B 25 points lower. */
const ENTRIES = [
  { agency: 'kab-banyuwangi', quality: 60 },
  { agency: 'kota-padang', quality: 72 },
  { agency: 'kota-palopo', quality: 85 },
  { agency: 'kab-bojonegoro', quality: 50 },
  { agency: 'kab-lamongan', quality: 91 },
  { agency: 'kab-solok', quality: 78 },
];
const SHIFT = 25;
/** Whoever objects through the public nominees page. */
const PUBLIC_OBJECTOR = 'rina.warga@example.id';
/** Where the suite's API says people reach the portal (PUBLIC_URL), as links in e-mail show it. */
const PUBLIC_URL = 'http://portal.tahap.test';

describe('[desk] scoring, normalisation and uji publik', () => {
  // Behind a proxy, as in production: the objection limits count the address it forwards.
  const stack = new Stack('desk-scoring', { TRUST_PROXY: 'loopback', PUBLIC_URL });
  let cycleId = '';
  const ids: string[] = [];
  const agencies: { token: string }[] = [];
  let evaluators: { token: string; userId: string; email: string }[] = [];
  let auditor: { token: string };
  let browser: Browser;

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), stack.start()]);
    await ensureAgencies(stack);
    cycleId = await startCycle(
      stack,
      deskTemplate(
        2095,
        // Every stage moves on as the admin closes and opens them; the calendar is only a bound.
        { submission: 3600, desk: 3600, selection: 3600, objection: 3600 },
        {
          desk: {
            normalisation: 'z-score',
            disagreementThreshold: 5,
            commentRequired: true,
            showScoresToAgency: true,
            blindReview: true,
          },
          selection: { quotaPerGroup: 3, tieBreaks: 'older-launch-first' },
        },
      ),
    );
    evaluators = await addEvaluators(stack, cycleId, [
      { affiliations: ['univ-gadjah-mada'] },
      { affiliations: ['univ-hasanuddin'] },
    ]);
    auditor = await stack.account('auditor');
    for (const [index, entry] of ENTRIES.entries()) {
      agencies.push(await stack.account('agency', entry.agency));
      const { status, body } = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        {
          title: `Inovasi uji desk ${index}`,
          summary: 'Inovasi untuk uji penilaian.',
          group: 'keberlanjutan',
          ...INNOVATION,
        },
        agencies[index],
      );
      expect(status).toBe(201);
      ids.push(body.id);
    }
    await stageReaches(stack, cycleId, STAGES.submission, 'open');
    await closeStage(stack, cycleId, STAGES.submission);
    await openStage(stack, cycleId, STAGES.desk);
  });
  afterAll(async () => {
    await browser?.close();
    await stack.stop();
  });

  async function expectAccessible(page: Page) {
    expect(await seriousAxeViolations(page)).toEqual({ page: new URL(page.url()).pathname, violations: [] });
  }

  /** What a person's screen reader hears of a field's error: the texts its aria-describedby points at. */
  function describedBy(field: Locator): Promise<string> {
    return field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id: string) => (globalThis as any).document.getElementById(id)?.textContent ?? '')
        .join(' | '),
    );
  }

  let objectionWindowOpen: Promise<void> | undefined;
  /** Selection closed and the uji publik window open, once, by whichever test needs it first. */
  function objectionWindow(): Promise<void> {
    objectionWindowOpen ??= (async () => {
      await closeStage(stack, cycleId, STAGES.selection);
      await openStage(stack, cycleId, STAGES.objection);
    })();
    return objectionWindowOpen;
  }

  /** The confirmation link last e-mailed to `email`, as its objector reads it. */
  async function confirmationLink(email: string): Promise<URL> {
    const mail = await eventually(`the confirmation e-mail to ${email}`, async () => {
      const { body } = await stack.request('GET', `/mail-sink/messages?to=${encodeURIComponent(email)}`);
      return (body as { subject: string; textBody: string }[]).find((message) =>
        /konfirmasi sanggahan/.test(message.subject),
      );
    });
    const link = mail.textBody.match(/(\S+\/konfirmasi\/\S+#kode=[\w-]+)/)?.[1];
    // Built from PUBLIC_URL, never from a request's Host header.
    expect(link).toMatch(new RegExp(`^${PUBLIC_URL}/nominasi/${cycleId}/konfirmasi/[0-9a-f-]{36}#kode=[\\w-]{43}$`));
    return new URL(link!);
  }

  /** What the portal's confirmation page sends for a link: its objection and its code. */
  function confirmWith(link: URL, code = link.hash.slice('#kode='.length)) {
    const objectionId = link.pathname.split('/').pop();
    return stack.request('POST', `/cycles/${cycleId}/objections/${objectionId}/confirmation`, { code }, 'anonymous');
  }

  /** Files an objection and confirms it by the link e-mailed for it, as its objector does. */
  async function fileConfirmed(objection: {
    entryId: string;
    reason: string;
    contactName: string;
    contactEmail: string;
  }) {
    const filed = await stack.request('POST', `/cycles/${cycleId}/objections`, objection, 'anonymous');
    expect(filed).toMatchObject({ status: 201, body: { status: 'unconfirmed' } });
    expect((await confirmWith(await confirmationLink(objection.contactEmail))).status).toBe(200);
    return filed;
  }

  const submit = (as: { token: string }, entryId: string, body: unknown) =>
    stack.request('POST', `/entries/${entryId}/desk-scores`, body, as);

  /** Until the entry's workflow has loaded its evaluators, a first sheet may meet "not open yet"; retry briefly. */
  const submitted = (as: { token: string }, entryId: string, body: unknown) =>
    eventually(`a sheet for ${entryId} to be taken`, async () => {
      const answer = await submit(as, entryId, body);
      return answer.status === 201 ? answer.body : undefined;
    });

  it('[desk] a revised score keeps its earlier versions, and an auditor can read them', async () => {
    const [a, b] = evaluators;
    const assignments = await stack.request('GET', `/cycles/${cycleId}/desk-assignments`);
    expect(assignments.body.loads.map((load: { load: number }) => load.load)).toEqual([6, 6]);

    const missing = await submit(a, ids[0], { scores: { kebaruan: 70 }, comment: 'Kurang lengkap.' });
    expect(missing.status).toBe(422);
    expect(missing.body.details).toContainEqual({
      path: 'scores.efektivitas',
      message: expect.stringMatching(/is missing/),
    });
    const noComment = await submit(a, ids[0], { scores: sheet(70) });
    expect(noComment.status).toBe(422);
    expect(noComment.body.details).toEqual([{ path: 'comment', message: expect.stringMatching(/required/) }]);
    const outOfScale = await submit(a, ids[0], { scores: { ...sheet(70), kebaruan: 101 }, comment: 'x' });
    expect(outOfScale.body.details).toEqual([{ path: 'scores.kebaruan', message: 'must be a number from 0 to 100' }]);

    const first = await submitted(a, ids[0], { scores: sheet(40), comment: 'Penilaian awal.' });
    expect(first).toMatchObject({ version: 1, weighted: 40 });
    const revised = await submitted(a, ids[0], {
      scores: sheet(ENTRIES[0].quality),
      comment: 'Setelah membaca ulang bukti.',
    });
    expect(revised).toMatchObject({ version: 2, weighted: ENTRIES[0].quality });

    const read = await stack.request('GET', `/entries/${ids[0]}/desk-scores`, undefined, auditor);
    expect(read.status).toBe(200);
    expect(
      read.body.map((version: { version: number; weighted: number; comment: string }) => [
        version.version,
        version.weighted,
        version.comment,
      ]),
    ).toEqual([
      [1, 40, 'Penilaian awal.'],
      [2, ENTRIES[0].quality, 'Setelah membaca ulang bukti.'],
    ]);
    // Evaluator B sees none of A's sheets.
    expect((await stack.request('GET', `/entries/${ids[0]}/desk-scores`, undefined, b)).body).toEqual([]);
    // Auditors never write.
    expect((await submit(auditor, ids[0], { scores: sheet(1), comment: 'x' })).status).toBe(403);
    // Scoring is still going on: the auditor reads the means, the agency nothing yet (the stage shows once closed).
    const scores = (as: { token: string }) => stack.request('GET', `/entries/${ids[0]}/scores`, undefined, as);
    expect((await scores(auditor)).body).toMatchObject([{ stageKey: STAGES.desk, sheets: 1, weighted: 60 }]);
    expect(await scores(agencies[0])).toMatchObject({ status: 200, body: [] });
  });

  it('[portal-review] an evaluator scores two entries with "save and next"; a missing required comment is shown next to its field and nothing is saved; the queue\'s progress changes; with blind review on, no agency name or code appears on the evaluator\'s pages or in the API responses they receive', async () => {
    const b = evaluators[1];
    const codes = ENTRIES.map((entry) => entry.agency);
    const names = await Promise.all(
      codes.map(async (code) => (await stack.request('GET', `/agencies/${code}`)).body.name as string),
    );
    // The admin reads the agencies of the entries; the evaluator of this blind review never does.
    const listed = await stack.request('GET', `/cycles/${cycleId}/entries`);
    expect(listed.body.items.map((item: { agencyCode: string }) => item.agencyCode).sort()).toEqual([...codes].sort());
    const context = await newWindow(browser, stack.origin);
    const page = await context.newPage();
    const bodies: Promise<string>[] = [];
    page.on('response', (response) => {
      const json = (response.headers()['content-type'] ?? '').includes('json');
      if (json && new URL(response.url()).pathname.startsWith('/api/')) {
        bodies.push(response.text().then((text) => `${new URL(response.url()).pathname} ${text}`));
      }
    });
    const revealed = (text: string) => [...codes, ...names].filter((secret) => text.includes(secret));
    const progress = page.getByTestId('review-progress');

    await signIn(page, b.email, 'password-for-tests', '/penilaian');
    await progress.filter({ hasText: '0 dari 6 entri sudah Anda nilai' }).waitFor();
    await page.getByText('Penilaian tanpa identitas instansi').waitFor();
    expect(revealed(await page.content())).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'evaluator-queue');

    // The first entry: every criterion, the weighted total as the engine computes it, but no comment.
    const criteria = PKRI_2024.rubrics.find((rubric) => rubric.key === 'inovasi')!.criteria;
    const given = [70, 85, 90, 60, 75];
    const scores = Object.fromEntries(criteria.map((criterion, index) => [criterion.key, given[index]]));
    async function fillSheet() {
      for (const [index, criterion] of criteria.entries()) {
        await page.getByRole('textbox', { name: new RegExp(`^${criterion.name} \\(bobot`) }).fill(String(given[index]));
      }
      await page
        .getByTestId('weighted-total')
        .filter({ hasText: formatNumber(weightedScore(criteria, scores), 'id', 2) })
        .waitFor();
    }
    await page
      .getByRole('link', { name: /^Nilai Inovasi uji desk/ })
      .first()
      .click();
    await page.waitForURL(/\/penilaian\/cycle-[^/]+\/[0-9a-f-]{36}$/);
    const first = new URL(page.url()).pathname.split('/').at(-1)!;
    await fillSheet();
    await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
    const comment = page.getByRole('textbox', { name: /^Komentar/ });
    await page.getByText(/is required by this competition/).waitFor();
    expect(await describedBy(comment)).toMatch(/is required by this competition/);
    expect(new URL(page.url()).pathname.endsWith(first)).toBe(true);
    expect((await stack.request('GET', `/entries/${first}/desk-scores`, undefined, b)).body).toEqual([]);

    await comment.fill('Bukti lengkap dan layanan berjalan.');
    await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(first));
    const second = new URL(page.url()).pathname.split('/').at(-1)!;
    await page.getByText(/^Tersimpan: versi 1, nilai tertimbang/).waitFor();
    await fillSheet();
    await page.getByRole('textbox', { name: /^Komentar/ }).fill('Dampaknya terukur.');
    expect(revealed(await page.content())).toEqual([]);
    await expectAccessible(page);
    await screenshot(page, 'evaluator-sheet');
    await page.getByRole('button', { name: 'Simpan dan lanjut' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(second));

    await page.getByRole('link', { name: 'Penilaian', exact: true }).click();
    await progress.filter({ hasText: '2 dari 6 entri sudah Anda nilai' }).waitFor();
    for (const entryId of [first, second]) {
      const sheets = await stack.request('GET', `/entries/${entryId}/desk-scores`, undefined, b);
      expect(sheets.body).toMatchObject([{ version: 1, weighted: weightedScore(criteria, scores), scores }]);
    }
    expect(revealed(await page.content())).toEqual([]);
    await context.close();
    // The evaluator's other reads of the cycle are blind too.
    for (const path of [
      `/cycles/${cycleId}/entries`,
      `/entries/${first}`,
      `/entries/${first}/lineage`,
      '/desk-queue',
    ]) {
      const answer = await stack.request('GET', path, undefined, b);
      expect({ path, status: answer.status, revealed: revealed(JSON.stringify(answer.body)) }).toEqual({
        path,
        status: 200,
        revealed: [],
      });
    }
    const received = await Promise.all(bodies);
    expect(received.some((body) => body.startsWith('/api/desk-queue '))).toBe(true);
    expect(received.some((body) => body.startsWith(`/api/entries/${first} `))).toBe(true);
    expect(received.filter((body) => revealed(body).length > 0)).toEqual([]);
  }, 60_000);

  it('[desk] two evaluators with the same ordering on shifted scales produce the same ranking as one evaluator alone', async () => {
    const [a, b] = evaluators;
    for (const [index, entry] of ENTRIES.entries()) {
      if (index > 0) await submitted(a, ids[index], { scores: sheet(entry.quality), comment: 'Sesuai bukti.' });
      await submitted(b, ids[index], { scores: sheet(entry.quality - SHIFT), comment: 'Sesuai bukti.' });
    }
    await closeStage(stack, cycleId, STAGES.desk);
    await openStage(stack, cycleId, STAGES.selection);

    const { body: results } = await stack.request('GET', `/cycles/${cycleId}/desk-results`);
    expect(results).toHaveLength(ENTRIES.length);
    for (const result of results) {
      const [first, second] = result.evaluators;
      expect(Math.abs(first.weighted - second.weighted)).toBe(SHIFT);
      // After normalisation the harsh and the lenient evaluator count alike: no disagreement.
      expect(first.normalised).toBeCloseTo(second.normalised, 3);
      expect(result.disagreement).toBe(false);
    }
    const aloneOrder = ENTRIES.map((entry, index) => ({ id: ids[index], quality: entry.quality }))
      .sort((x, y) => y.quality - x.quality)
      .map((entry) => entry.id);
    const selection = await eventually('the selection', async () => {
      const answer = await stack.request('GET', `/cycles/${cycleId}/selection`);
      return answer.status === 200 ? answer.body : undefined;
    });
    expect(selection.outcomes.map((outcome: { entryId: string }) => outcome.entryId)).toEqual(aloneOrder);
    expect(selection.outcomes.filter((outcome: { selected: boolean }) => outcome.selected)).toHaveLength(3);
    expect(selection.outcomes[3].explanation).toMatch(/quota/);
  }, 200_000);

  it("[desk] an agency reads its mean scores once the desk stage is closed, only where the template shows them, and never another agency's", async () => {
    // Worked out here from the sheets this suite sent: A's latest (its revision for the first entry), and B's.
    const desk = PKRI_2024.stages.find((stage) => stage.key === STAGES.desk)!;
    const criteria = PKRI_2024.rubrics.find((rubric) => rubric.key === 'inovasi')!.criteria;
    const expected = (index: number) => {
      const mean = (ENTRIES[index].quality + (ENTRIES[index].quality - SHIFT)) / 2;
      return [
        {
          stageKey: STAGES.desk,
          stageName: desk.name,
          stageType: 'desk-evaluation',
          sheets: 2,
          weighted: mean,
          criteria: criteria.map((criterion) => ({ key: criterion.key, name: criterion.name, mean })),
        },
      ];
    };
    for (const index of [0, 1]) {
      const read = await stack.request('GET', `/entries/${ids[index]}/scores`, undefined, agencies[index]);
      // Exactly this: no evaluator, no comment, and no stage other than the closed desk stage the template shows.
      expect(read).toMatchObject({ status: 200 });
      expect(read.body).toEqual(expected(index));
    }
    const other = await stack.request('GET', `/entries/${ids[0]}/scores`, undefined, agencies[1]);
    expect(other.status).toBe(404);
  });

  it('[portal-public] the nominees page accepts one objection without a sign-in', async () => {
    await objectionWindow();
    const published = await eventually('the nominees', async () => {
      const answer = await stack.request('GET', `/cycles/${cycleId}/nominees`, undefined, 'anonymous');
      return answer.status === 200 ? answer.body : undefined;
    });
    const nominee = published.nominees[2];
    // On a phone, signed in as nobody.
    const context = await newWindow(browser, stack.origin, true);
    const page = await context.newPage();
    await page.goto(`/nominasi/${cycleId}`);
    await page.getByRole('heading', { name: nominee.title }).waitFor();
    await page.getByText(nominee.agencyName).first().waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: `Ajukan sanggahan terhadap ${nominee.title}` }).click();
    await page
      .getByRole('textbox', { name: /^Alasan sanggahan/ })
      .fill('Layanan ini tidak dapat ditemukan di situs resmi pemerintah daerah.');
    await page.getByRole('textbox', { name: /^Nama Anda/ }).fill('Rina Warga');
    // Without the contact the API refuses, and says so at the field.
    await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
    const email = page.getByRole('textbox', { name: /^Surel Anda/ });
    await page
      .getByText(/contactEmail must be an e-mail address/)
      .first()
      .waitFor();
    expect(await describedBy(email)).toMatch(/e-mail address/);
    await email.fill(PUBLIC_OBJECTOR);
    await page.getByRole('button', { name: 'Kirim sanggahan' }).click();
    await page.getByText(`Sanggahan Anda terhadap ${nominee.title} telah diterima`, { exact: false }).waitFor();
    await page.getByText(`Kami mengirim tautan konfirmasi ke ${PUBLIC_OBJECTOR}`, { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'public-nominees');
    const mine = async () =>
      (
        await stack.request('GET', `/cycles/${cycleId}/objections?status=${'unconfirmed'}`, undefined, auditor)
      ).body.items.filter((objection: { contactEmail: string }) => objection.contactEmail === PUBLIC_OBJECTOR);
    expect(await mine()).toEqual([expect.objectContaining({ entryId: nominee.entryId, contactName: 'Rina Warga' })]);

    // The objector opens the e-mailed link on the same phone; the page confirms only when asked to.
    const link = await confirmationLink(PUBLIC_OBJECTOR);
    await page.goto(`${link.pathname}${link.hash}`);
    await page.getByRole('heading', { name: 'Konfirmasi sanggahan' }).waitFor();
    expect(await mine()).toHaveLength(1);
    await page.getByRole('button', { name: 'Konfirmasi sanggahan saya' }).click();
    await page.getByText(`Sanggahan Anda atas ${nominee.title} kini dihitung`, { exact: false }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'public-objection-confirmed');
    // A link cut short says what to do.
    await page.goto(link.pathname);
    await page.getByText('Tautan ini tidak lengkap', { exact: false }).waitFor();
    await context.close();
    const { body: counted } = await stack.request('GET', `/cycles/${cycleId}/objections`, undefined, auditor);
    expect(
      counted.items.filter((objection: { contactEmail: string }) => objection.contactEmail === PUBLIC_OBJECTOR),
    ).toEqual([expect.objectContaining({ entryId: nominee.entryId, status: 'open', confirmedAt: expect.any(String) })]);
  }, 60_000);

  it('[security] an objection counts only once its objector confirms the e-mailed link: until then no admin sees or decides it', async () => {
    await objectionWindow();
    const { body: published } = await stack.request('GET', `/cycles/${cycleId}/nominees`, undefined, 'anonymous');
    const objector = 'bukan.saya@example.id';
    const filed = await stack.request(
      'POST',
      `/cycles/${cycleId}/objections`,
      {
        entryId: published.nominees[0].entryId,
        reason: 'Seseorang memakai alamat surel orang lain untuk sanggahan ini.',
        contactName: 'Nama Pinjaman',
        contactEmail: objector,
      },
      'anonymous',
    );
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ status: 'unconfirmed', confirmBy: expect.any(String) });
    const link = await confirmationLink(objector);
    // Only the digest of the link's code is kept.
    const [kept] = await stack.db.query(`SELECT confirmation_digest FROM objections WHERE id = $1`, [filed.body.id]);
    expect(kept.confirmation_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(kept.confirmation_digest).not.toContain(link.hash.slice('#kode='.length));

    const listed = async (query = '') =>
      (await stack.request('GET', `/cycles/${cycleId}/objections${query}`)).body.items.map(
        (objection: { id: string }) => objection.id,
      );
    expect(await listed()).not.toContain(filed.body.id);
    const early = await stack.request('POST', `/cycles/${cycleId}/objections/${filed.body.id}/resolution`, {
      decision: 'upheld',
      reason: 'Belum dikonfirmasi.',
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'OBJECTION.NOT_CONFIRMED',
      message: expect.stringMatching(/not confirmed/),
    });

    // A guessed code, or another objection's, confirms nothing and says no more than "no such objection".
    const guessed = await confirmWith(link, 'A'.repeat(43));
    expect(guessed.status).toBe(404);
    expect(guessed.body.message).toMatch(/Open the whole link from the e-mail/);
    const malformed = await confirmWith(link, 'kode');
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ path: 'code', message: expect.stringMatching(/copied whole/) }]);
    expect(await listed()).not.toContain(filed.body.id);

    expect(await confirmWith(link)).toMatchObject({
      status: 200,
      body: { id: filed.body.id, status: 'open', title: published.nominees[0].title },
    });
    // The link opened twice answers the same and confirms once.
    expect((await confirmWith(link)).body.status).toBe('open');
    expect(await listed('?status=open')).toContain(filed.body.id);
    await stack.db.query(
      `UPDATE objections SET status = 'dismissed', resolution_reason = 'uji konfirmasi', resolved_at = now()
        WHERE id = $1`,
      [filed.body.id],
    );

    // A page at a time, each page the size asked for, and a page size out of range refused.
    const { body: page } = await stack.request('GET', `/cycles/${cycleId}/objections?pageSize=1&page=2`);
    expect(page).toMatchObject({ page: 2, pageSize: 1, total: expect.any(Number) });
    expect(page.items).toHaveLength(1);
    const { status, body: tooLarge } = await stack.request('GET', `/cycles/${cycleId}/objections?pageSize=501`);
    expect(status).toBe(400);
    expect(tooLarge.details).toEqual([{ path: 'pageSize', message: 'pageSize must be from 1 to 500' }]);
  });

  it('[security] public objections are limited per client address, per e-mail and per nominee; past a limit 429 says when to try again, and nothing is filed', async () => {
    await objectionWindow();
    const { body: published } = await stack.request('GET', `/cycles/${cycleId}/nominees`, undefined, 'anonymous');
    const target = published.nominees[2].entryId as string;
    const object = (email: string, from: string, entryId = target) =>
      stack.request(
        'POST',
        `/cycles/${cycleId}/objections`,
        { entryId, reason: 'Keberatan untuk menguji batas pengajuan.', contactName: 'Penguji', contactEmail: email },
        'anonymous',
        { 'x-forwarded-for': from },
      );
    const filedFor = async () =>
      (await stack.db.query(`SELECT count(*)::int AS n FROM objections WHERE entry_id = $1`, [target]))[0].n as number;
    const refused = async (answer: Awaited<ReturnType<typeof object>>, who: RegExp) => {
      expect(answer.status).toBe(429);
      expect(answer.body).toMatchObject({ code: 'OBJECTION.TOO_MANY', message: expect.stringMatching(who) });
      expect(answer.body.message).toMatch(/try again after .* WIB/);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    };

    // Ten an hour from one address; the eleventh waits, while the same person elsewhere still gets through.
    for (let i = 0; i < 10; i++) expect((await object(`warga${i}@batas.example.id`, '203.0.113.10')).status).toBe(201);
    const before = await filedFor();
    await refused(await object('lagi@batas.example.id', '203.0.113.10'), /from this address \(at most 10 in an hour\)/);
    expect(await filedFor()).toBe(before);
    // Five a day with one e-mail address, from wherever it comes.
    for (let i = 0; i < 5; i++) expect((await object('satu@batas.example.id', `198.51.100.${i + 1}`)).status).toBe(201);
    await refused(
      await object('SATU@batas.example.id', '198.51.100.9'),
      /with this e-mail address \(at most 5 in 24 hours\)/,
    );
    // Thirty a day against one nominee: the ones already filed, and as many more as make thirty.
    const filed = await filedFor();
    for (let i = filed; i < 30; i++) {
      expect((await object(`kampanye${i}@batas.example.id`, `192.0.2.${i}`)).status).toBe(201);
    }
    await refused(
      await object('terakhir@batas.example.id', '192.0.2.200'),
      /against this nominee \(at most 30 in 24 hours\)/,
    );
    expect(await filedFor()).toBe(30);
    // Another nominee is not held back by this one's campaign.
    const other = published.nominees[1].entryId as string;
    const elsewhere = await object('terakhir@batas.example.id', '192.0.2.200', other);
    expect(elsewhere.status).toBe(201);
    // Decided here, so the test below reads only its own objections as open at the close.
    await stack.db.query(
      `UPDATE objections SET status = 'dismissed', resolution_reason = 'uji batas', resolved_at = now()
        WHERE contact_email LIKE '%@batas.example.id'`,
    );
  });

  it('[desk] an upheld objection removes the nominee, brings in the next in rank, and notifies the objector and the agency', async () => {
    await objectionWindow();
    const order = ENTRIES.map((entry, index) => ({ index, quality: entry.quality })).sort(
      (x, y) => y.quality - x.quality,
    );
    const [top, , , next] = order;
    const published = await stack.request('GET', `/cycles/${cycleId}/nominees`, undefined, 'anonymous');
    expect(published.status).toBe(200);
    expect(published.body.nominees.map((nominee: { entryId: string }) => nominee.entryId)).toEqual(
      order.slice(0, 3).map((entry) => ids[entry.index]),
    );
    expect(published.body.nominees[0].explanation).toBeUndefined();

    const notNominee = await stack.request(
      'POST',
      `/cycles/${cycleId}/objections`,
      {
        entryId: ids[next.index],
        reason: 'Layanan ini sudah lama tidak berjalan.',
        contactName: 'Warga',
        contactEmail: 'warga@example.id',
      },
      'anonymous',
    );
    expect(notNominee.status).toBe(422);
    const filed = await fileConfirmed({
      entryId: ids[top.index],
      reason: 'Situs layanan ini tidak aktif sejak 2023 dan tidak ada pengganti.',
      contactName: 'Siti Rahma',
      contactEmail: 'siti.rahma@example.id',
    });
    const noReason = await stack.request('POST', `/cycles/${cycleId}/objections/${filed.body.id}/resolution`, {
      decision: 'upheld',
    });
    expect(noReason.status).toBe(400);
    const resolved = await stack.request('POST', `/cycles/${cycleId}/objections/${filed.body.id}/resolution`, {
      decision: 'upheld',
      reason: 'Verifikasi menunjukkan layanan tidak beroperasi.',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toEqual({
      objectionId: filed.body.id,
      decision: 'upheld',
      entered: [ids[next.index]],
      left: [],
    });
    const again = await stack.request('POST', `/cycles/${cycleId}/objections/${filed.body.id}/resolution`, {
      decision: 'dismissed',
      reason: 'Berubah pikiran.',
    });
    expect(again.status).toBe(409);

    const after = await stack.request('GET', `/cycles/${cycleId}/nominees`, undefined, 'anonymous');
    expect(after.body.version).toBe(2);
    expect(after.body.nominees.map((nominee: { entryId: string }) => nominee.entryId)).toEqual(
      order.slice(1, 4).map((entry) => ids[entry.index]),
    );
    const { body: selection } = await stack.request('GET', `/cycles/${cycleId}/selection`);
    expect(
      selection.outcomes.find((outcome: { entryId: string }) => outcome.entryId === ids[top.index]).explanation,
    ).toMatch(/objection upheld: Verifikasi menunjukkan/);

    const objectorMail = await eventually('the objector’s e-mail', async () => {
      const { body } = await stack.request('GET', '/mail-sink/messages?to=siti.rahma%40example.id');
      return body.length > 1 ? body : undefined;
    });
    expect(objectorMail.map((message: { subject: string }) => message.subject)).toEqual([
      expect.stringMatching(/sanggahan .* diterima/),
      expect.stringMatching(/konfirmasi sanggahan/),
    ]);
    const inboxOf = async (index: number) => (await stack.request('GET', '/inbox', undefined, agencies[index])).body;
    expect((await inboxOf(top.index)).map((notice: { subject: string }) => notice.subject)).toContainEqual(
      expect.stringMatching(/sanggahan .* diterima/),
    );
    expect((await inboxOf(next.index)).map((notice: { subject: string }) => notice.subject)).toContainEqual(
      expect.stringMatching(/kini masuk daftar nominasi/),
    );

    // An objection nobody decides before the window closes is recorded as such, and its objector told; one never
    // confirmed stays out of it, and its link no longer counts it.
    await fileConfirmed({
      entryId: ids[order[1].index],
      reason: 'Data penerima manfaat pada formulir tampak berlebihan.',
      contactName: 'Budi',
      contactEmail: 'budi@example.id',
    });
    const unconfirmed = await stack.request(
      'POST',
      `/cycles/${cycleId}/objections`,
      {
        entryId: ids[order[1].index],
        reason: 'Sanggahan yang tidak pernah dikonfirmasi pengirimnya.',
        contactName: 'Tanpa Konfirmasi',
        contactEmail: 'tanpa.konfirmasi@example.id',
      },
      'anonymous',
    );
    expect(unconfirmed.status).toBe(201);
    const neverOpened = await confirmationLink('tanpa.konfirmasi@example.id');
    await closeStage(stack, cycleId, STAGES.objection);
    const lapsed = await eventually('the undecided objector’s e-mail', async () => {
      const { body } = await stack.request('GET', '/mail-sink/messages?to=budi%40example.id');
      return body.length > 1 ? body : undefined;
    });
    expect(lapsed[0].subject).toMatch(/tidak sempat diputuskan/);
    const late = await confirmWith(neverOpened);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/closed at .*; an objection not confirmed by then does not count/);
    const { body: toUnconfirmed } = await stack.request('GET', '/mail-sink/messages?to=tanpa.konfirmasi%40example.id');
    expect(toUnconfirmed.map((message: { subject: string }) => message.subject)).toEqual([
      expect.stringMatching(/konfirmasi sanggahan/),
    ]);
    const { body: unconfirmedNow } = await stack.request(
      'GET',
      `/cycles/${cycleId}/objections?status=unconfirmed`,
      undefined,
      auditor,
    );
    expect(unconfirmedNow.items.map((objection: { id: string }) => objection.id)).toContain(unconfirmed.body.id);
    const { body: counted } = await stack.request('GET', `/cycles/${cycleId}/objections`, undefined, auditor);
    const objections = counted.items;
    // Those filed here (the nominees page's one, left undecided too, is the test before's).
    const filedHere = objections.filter((objection: { contactEmail: string }) =>
      ['siti.rahma@example.id', 'budi@example.id'].includes(objection.contactEmail),
    );
    // The objector of a lapsed objection was told by the close's own activity: no objection id went through the
    // cycle's history, however many objections lapse.
    const notified = await scheduledActivityInputs<{ kind: string }>(stack.client, cycleId, 'notify');
    expect(notified.filter((event) => event.kind === 'objections-unresolved')).toEqual([]);
    expect(filedHere.map((objection: { status: string }) => objection.status)).toEqual(['upheld', 'unresolved']);
    const removed = await eventually('the removed nominee to end', async () => {
      const { body } = await stack.request('GET', `/entries/${ids[top.index]}`, undefined, agencies[top.index]);
      return body.status === 'eliminated' ? body : undefined;
    });
    expect(JSON.stringify(removed)).toMatch(/objection upheld/);
    await eventually('the entered nominee to complete', async () => {
      const { body } = await stack.request('GET', `/entries/${ids[next.index]}`, undefined, agencies[next.index]);
      return body.status === 'completed' ? body : undefined;
    });
    await eventually('the cycle to complete', async () =>
      (await stack.request('GET', `/cycles/${cycleId}`)).body.status === 'completed' ? true : undefined,
    );
    await recordReplayFixture(stack.client, cycleId, 'cycle-desk-objection');
    await recordReplayFixture(stack.client, removed.workflowId, 'entry-desk-scored');
  }, 200_000);
});
