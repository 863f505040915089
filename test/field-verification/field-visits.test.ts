import { compressCalendar, PKRI_2024, type CompetitionTemplate } from '../../libs/domain';
import { closeStage, cycleStatus, ensureAgencies, INNOVATION, startCycle, stageReaches } from '../support/fixtures';
import { eventually, Stack, type Caller } from '../support/stack';

const YEAR = 2099;
const SUBMISSION = 'pendaftaran';
const FIELD = 'verifikasi-lapangan';

/** PKRI 2024's submission, then KIPP's optional verifikasi lapangan, compressed to seconds from now. */
function fieldTemplate(): CompetitionTemplate {
  const submission = PKRI_2024.stages.find((stage) => stage.key === SUBMISSION)!;
  const template: CompetitionTemplate = {
    ...PKRI_2024,
    key: `field-test-${YEAR}`,
    year: YEAR,
    stages: [
      submission,
      {
        key: FIELD,
        type: 'field-verification',
        name: 'Verifikasi Lapangan',
        window: { opens: '2099-07-01T08:00', closes: '2099-07-10T17:00', zone: 'WIB' },
      },
    ],
  };
  // Planning happens while the field stage is still pending, so the submission lasts long enough for the setup.
  return compressCalendar(template, { startAt: new Date(), stageSeconds: { [SUBMISSION]: 40, [FIELD]: 240 } });
}

/** The agencies of the entries; the last one is the agency both panelists are affiliated with. */
const AGENCIES = ['kab-banyuwangi', 'kota-padang', 'kota-palopo', 'kab-solok', 'kab-lamongan'];
const PANELISTS = [
  { affiliations: ['kab-banyuwangi', 'kab-lamongan'], province: 'Jawa Timur' },
  { affiliations: ['kab-lamongan', 'univ-andalas'], province: 'Sumatera Barat' },
];
const EVALUATORS = [
  { affiliations: ['univ-gadjah-mada'] },
  { affiliations: ['kota-padang'] },
  { affiliations: ['univ-hasanuddin'] },
];

type Account = { token: string; userId: string; email: string };
interface Visit {
  id: string;
  entryId: string;
  agencyCode: string;
  date: string;
  dateLocal: string;
  mode: string;
  reason: string;
  panelist: { userId: string };
  evaluator: { userId: string };
  outcome: string | null;
  notes: string | null;
}

/** `YYYY-MM-DD` of an instant in WIB (UTC+7), computed here rather than by the code under test. */
const wibDay = (instant: string | number) =>
  new Date(new Date(instant).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('[field-verification] planning visits and recording what they found', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const entryIds: string[] = [];
  const agencies: Account[] = [];
  const panelists: Account[] = [];
  let evaluators: Account[] = [];
  let auditor: Account;
  let firstDay = '';
  let dayBefore = '';
  let visits: Visit[] = [];

  const countVisits = async () =>
    Number((await stack.db.query(`SELECT count(*) AS n FROM field_visits WHERE cycle_id = $1`, [cycleId]))[0].n);
  const plan = (visitsToPlan: unknown[], stageKey = FIELD) =>
    stack.request('POST', `/cycles/${cycleId}/field-visits`, { stageKey, visits: visitsToPlan });
  const outcome = (visitId: string, body: unknown, as: Caller) =>
    stack.request('POST', `/field-visits/${visitId}/outcome`, body, as);

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    for (const code of AGENCIES) agencies.push(await stack.account('agency', code));
    for (let i = 0; i < PANELISTS.length; i++) panelists.push(await stack.account('panelist'));
    auditor = await stack.account('auditor');

    cycleId = await startCycle(stack, fieldTemplate());
    for (const [index, agency] of agencies.entries()) {
      const { status, body } = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        {
          title: `Inovasi uji verifikasi ${index}`,
          summary: 'Inovasi untuk uji verifikasi lapangan.',
          group: 'keberlanjutan',
          ...INNOVATION,
        },
        agency,
      );
      expect(status).toBe(201);
      entryIds.push(body.id);
    }
    evaluators = await addEvaluators(EVALUATORS);
    // The interview API fills these; until it lands, the panel is written as it would write it.
    await stack.db.query(
      `INSERT INTO interview_panels (cycle_id, stage_key, panel_key, name, meeting_url)
       VALUES ($1, 'wawancara', 'panel-1', 'Panel 1', 'https://zoom.example.id/panel-1')`,
      [cycleId],
    );
    for (const [index, spec] of PANELISTS.entries()) {
      await stack.db.query(
        `INSERT INTO interview_panelists (cycle_id, stage_key, panel_key, user_id, affiliations, province)
         VALUES ($1, 'wawancara', 'panel-1', $2, $3, $4)`,
        [cycleId, panelists[index].userId, spec.affiliations, spec.province],
      );
    }
    // The first evaluator declared a conflict with Kota Palopo's entry.
    await stack.db.query(
      `INSERT INTO evaluator_conflicts (entry_id, user_id, cycle_id, reason) VALUES ($1, $2, $3, 'mantan konsultan')`,
      [entryIds[2], evaluators[0].userId, cycleId],
    );
    const field = (await cycleStatus(stack, cycleId)).stages.find((stage) => stage.key === FIELD) as unknown as {
      opensAt: string;
      status: string;
    };
    expect(field.status).toBe('pending');
    firstDay = wibDay(field.opensAt);
    dayBefore = wibDay(new Date(field.opensAt).getTime() - 86_400_000);
  });
  afterAll(() => stack.stop());

  async function addEvaluators(specs: { affiliations: string[] }[]): Promise<Account[]> {
    const accounts: Account[] = [];
    while (accounts.length < specs.length) accounts.push(await stack.account('evaluator'));
    const added = await stack.request('POST', `/cycles/${cycleId}/evaluators`, {
      evaluators: specs.map((spec, index) => ({ email: accounts[index].email, ...spec })),
    });
    expect(added.status).toBe(201);
    return accounts;
  }

  it('[field-verification] bad input is refused with the field named, and nothing is written', async () => {
    const good = { entryId: entryIds[0], date: firstDay, mode: 'on-site' };
    const before = await countVisits();

    const outside = await plan([good, { entryId: entryIds[1], date: dayBefore, mode: 'virtual' }]);
    expect(outside.status).toBe(400);
    expect(outside.body.message).toMatch(/visits\[1\]\.date/);
    expect(outside.body.details).toEqual([
      { path: 'visits[1].date', message: expect.stringMatching(new RegExp(`${dayBefore} is outside .*\\(WIB\\)`)) },
    ]);

    const unknown = await plan([
      good,
      { entryId: '00000000-0000-4000-8000-000000000000', date: firstDay, mode: 'virtual' },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details).toEqual([{ path: 'visits[1].entryId', message: `no such entry in ${cycleId}` }]);

    const badMode = await plan([{ ...good, mode: 'by-post' }]);
    expect(badMode.status).toBe(400);
    expect(badMode.body.details[0].path).toBe('visits.0.mode');
    const badDay = await plan([{ ...good, date: '2099-02-30' }]);
    expect(badDay.status).toBe(400);
    expect(badDay.body.message).toMatch(/date must be a real calendar day/);

    const notField = await plan([good], SUBMISSION);
    expect(notField.status).toBe(400);
    expect(notField.body.details).toEqual([
      { path: 'stageKey', message: 'is a submission stage, not field-verification' },
    ]);
    const noStage = await plan([good], 'no-such-stage');
    expect(noStage.status).toBe(404);
    expect(noStage.body.message).toMatch(/stageKey: .*its field-verification stage is verifikasi-lapangan/);

    // Kab. Lamongan's entry: both panelists are affiliated with it. Nobody may visit it, so the others wait too.
    const nobody = await plan(entryIds.map((entryId) => ({ entryId, date: firstDay, mode: 'on-site' })));
    expect(nobody.status).toBe(422);
    expect(nobody.body.code).toBe('FIELD_VISIT.NO_ELIGIBLE_VISITOR');
    expect(nobody.body.details).toEqual([
      {
        path: 'visits[4].entryId',
        message: expect.stringMatching(/^no panelist without a conflict of interest \(.*kab-lamongan\)$/),
      },
    ]);

    expect(await countVisits()).toBe(before);
  });

  it('[field-verification] visits are planned without conflicts of interest, loads spread, and the agency and both visitors are told', async () => {
    const planned = await plan(
      entryIds.slice(0, 4).map((entryId, index) => ({
        entryId,
        date: firstDay,
        mode: index % 2 === 0 ? 'on-site' : 'virtual',
      })),
    );
    expect(planned.status).toBe(201);
    visits = planned.body.visits;
    expect(visits).toHaveLength(4);

    // Conflicts, checked against the declarations made above rather than by the code's own rule.
    const panelistSpec = new Map(panelists.map((account, index) => [account.userId, PANELISTS[index]]));
    const evaluatorSpec = new Map(evaluators.map((account, index) => [account.userId, EVALUATORS[index]]));
    for (const visit of visits) {
      expect(panelistSpec.get(visit.panelist.userId)!.affiliations).not.toContain(visit.agencyCode);
      expect(evaluatorSpec.get(visit.evaluator.userId)!.affiliations).not.toContain(visit.agencyCode);
      expect(visit.reason).toMatch(/^panelist .*least-loaded panelist .*; evaluator .*least-loaded evaluator/);
      expect(visit.dateLocal).toMatch(/ \(WIB\)$/);
    }
    const byEntry = new Map(visits.map((visit) => [visit.entryId, visit]));
    expect(byEntry.get(entryIds[0])!.panelist.userId).toBe(panelists[1].userId);
    expect(byEntry.get(entryIds[0])!.reason).toMatch(/excluded .*declared an affiliation with kab-banyuwangi/);
    expect(byEntry.get(entryIds[2])!.evaluator.userId).not.toBe(evaluators[0].userId);
    expect(byEntry.get(entryIds[2])!.reason).toMatch(/declared a conflict with this entry/);

    // Loads: four visits, two panelists, three evaluators.
    const load = (ids: string[], pick: (visit: Visit) => string) =>
      ids.map((id) => visits.filter((visit) => pick(visit) === id).length);
    expect(
      load(
        panelists.map((account) => account.userId),
        (visit) => visit.panelist.userId,
      ),
    ).toEqual([2, 2]);
    const evaluatorLoads = load(
      evaluators.map((account) => account.userId),
      (visit) => visit.evaluator.userId,
    );
    expect(Math.max(...evaluatorLoads) - Math.min(...evaluatorLoads)).toBe(1);

    // The agency in its inbox, the visitors in theirs and by e-mail, each date with its zone.
    const inbox = async (as: { token: string }) =>
      ((await stack.request('GET', '/inbox', undefined, as)).body as { subject: string; kind: string }[]).filter(
        (notice) => notice.kind === 'field-visit-planned',
      );
    const agencyNotices = await inbox(agencies[0]);
    expect(agencyNotices).toHaveLength(1);
    expect(agencyNotices[0].subject).toMatch(new RegExp(`^${cycleId}: verifikasi lapangan ".*" pada .* \\(WIB\\)$`));
    const visit = byEntry.get(entryIds[0])!;
    const visitor = [...panelists, ...evaluators].find((account) => account.userId === visit.evaluator.userId)!;
    const visitorNotices = await inbox(visitor);
    expect(visitorNotices.length).toBe(evaluatorLoads[evaluators.indexOf(visitor)]);
    expect(visitorNotices.map((notice) => notice.subject)).toContainEqual(
      expect.stringMatching(/Anda ditugaskan memverifikasi "Inovasi uji verifikasi 0" pada .* \(WIB\)/),
    );
    expect((await inbox(panelists[1])).length).toBe(2);
    const mail = await eventually('the panelist’s e-mail', async () => {
      const { body } = await stack.request('GET', `/mail-sink/messages?to=${encodeURIComponent(panelists[1].email)}`);
      const ours = (body as { subject: string }[]).filter((message) => message.subject.startsWith(cycleId));
      return ours.length === 2 ? ours : undefined;
    });
    expect(mail.map((message) => message.subject).join('\n')).toMatch(/paling lambat|memverifikasi/);

    // Visitors read the entries they verify; others still cannot.
    expect((await stack.request('GET', `/entries/${entryIds[0]}`, undefined, visitor)).status).toBe(200);
    const stranger = evaluators.find((account) => account.userId !== visit.evaluator.userId)!;
    expect((await stack.request('GET', `/entries/${entryIds[0]}`, undefined, stranger)).status).toBe(404);

    // An entry already planned: 409, and nothing new is written or sent.
    const noticesBefore = Number(
      (await stack.db.query(`SELECT count(*) AS n FROM notices WHERE kind = 'field-visit-planned'`))[0].n,
    );
    const again = await plan([{ entryId: entryIds[1], date: firstDay, mode: 'virtual' }]);
    expect(again.status).toBe(409);
    expect(again.body.details).toEqual([
      { path: 'visits[0].entryId', message: expect.stringMatching(/already has a visit on .* \(WIB\)/) },
    ]);
    expect(await countVisits()).toBe(4);
    expect(
      Number((await stack.db.query(`SELECT count(*) AS n FROM notices WHERE kind = 'field-visit-planned'`))[0].n),
    ).toBe(noticesBefore);

    // Lists: an auditor reads all; a visitor only their own.
    expect((await stack.request('GET', `/cycles/${cycleId}/field-visits`, undefined, auditor)).body).toHaveLength(4);
    const own = (await stack.request('GET', `/cycles/${cycleId}/field-visits`, undefined, panelists[0]))
      .body as Visit[];
    expect(own.map((item) => item.panelist.userId)).toEqual([panelists[0].userId, panelists[0].userId]);
    expect((await stack.request('GET', `/cycles/${cycleId}/field-visits`, undefined, agencies[0])).status).toBe(403);
  });

  it('[field-verification] the assigned evaluator records the outcome once, while the stage is open; nobody else can', async () => {
    const visit = visits.find((candidate) => candidate.entryId === entryIds[0])!;
    const evaluator = evaluators.find((account) => account.userId === visit.evaluator.userId)!;
    const other = evaluators.find((account) => account.userId !== visit.evaluator.userId)!;
    const found = { outcome: 'verified', notes: 'Layanan berjalan; register dan aplikasi diperiksa langsung.' };

    const early = await outcome(visit.id, found, evaluator);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/opens at .* WIB/);

    await closeStage(stack, cycleId, SUBMISSION);
    await stageReaches(stack, cycleId, FIELD, 'open');

    expect((await outcome(visit.id, found, other)).status).toBe(404);
    expect((await outcome(visit.id, found, agencies[0])).status).toBe(403);
    const short = await outcome(visit.id, { outcome: 'verified', notes: '  singkat  ' }, evaluator);
    expect(short.status).toBe(400);
    expect(short.body.details).toEqual([
      { path: 'notes', message: 'notes must be at least 10 characters: say what was seen and how' },
    ]);
    const unrecorded = async () =>
      (await stack.db.query(`SELECT outcome FROM field_visits WHERE id = $1`, [visit.id]))[0].outcome as string | null;
    expect(await unrecorded()).toBeNull();

    const recorded = await outcome(visit.id, found, evaluator);
    expect(recorded.status).toBe(200);
    expect(recorded.body).toMatchObject({
      id: visit.id,
      outcome: 'verified',
      notes: found.notes,
      outcomeBy: evaluator.userId,
    });
    const twice = await outcome(
      visit.id,
      { outcome: 'not-verified', notes: 'Berubah pikiran setelah rapat.' },
      evaluator,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('FIELD_VISIT.ALREADY_RECORDED');
    expect(twice.body.message).toMatch(/recorded once/);
    expect(await unrecorded()).toBe('verified');

    await closeStage(stack, cycleId, FIELD);
    await stageReaches(stack, cycleId, FIELD, 'closed');
    const late = visits.find((candidate) => candidate.id !== visit.id)!;
    const afterClose = await outcome(late.id, found, stack.admin);
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.message).toMatch(/closed at .* WIB/);
    const planLate = await plan([{ entryId: entryIds[4], date: firstDay, mode: 'virtual' }]);
    expect(planLate.status).toBe(409);
    expect(planLate.body.details).toEqual([{ path: 'stageKey', message: 'the stage has closed' }]);
    expect(await countVisits()).toBe(4);
  }, 240_000);
});
