import { compressCalendar, PKRI_2024, type CompetitionTemplate, type Cluster } from '../../libs/domain';
import { addEvaluators, sheet } from '../desk/desk-fixtures';
import { expectStatus, schedule } from '../interview/interview-fixtures';
import { closeStage, openStage, startCycle, stageReaches, STATE_WAIT_MS, PKRI_STAGE_KEYS } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';

jest.setTimeout(300_000);

const YEAR = 2075;
const CLUSTERS: Cluster[] = ['kabupaten', 'kota', 'provinsi'];
const ENTRIES = 18;
const KEYS = PKRI_STAGE_KEYS;

/**
 * PKRI with every stage: screening fails summaries under five words, one evaluator per entry, the best one of each
 * cluster goes to the interview, three panels of one panelist hear at once in 30-second slots, and no-shows (15
 * seconds after the start) are eliminated. Each stage gets ten minutes; the test moves the cycle on itself.
 */
function backToBackTemplate(): CompetitionTemplate {
  const pick = (key: string) => PKRI_2024.stages.find((stage) => stage.key === key)!;
  const template: CompetitionTemplate = {
    ...PKRI_2024,
    key: `back-to-back-${YEAR}`,
    year: YEAR,
    stages: [
      pick(KEYS.submission),
      { ...pick(KEYS.screening), params: { defaultOutcome: 'pass', minSummaryWords: 5 } },
      { ...pick(KEYS.desk), params: { evaluatorsPerEntry: 1, normalisation: 'none' } },
      { ...pick(KEYS.selection), params: { quotaPerCluster: 1 } },
      {
        ...pick(KEYS.interview),
        params: {
          panels: 3,
          slotSeconds: 30,
          noticeDays: 0,
          dayStart: '00:00',
          dayEnd: '23:59',
          agencyHours: '00:00-23:59',
          confirmHoursBefore: 0,
          unconfirmed: 'keep',
          noShow: 'eliminate',
          noShowGraceMinutes: 0.25,
        },
      },
      { ...pick(KEYS.plenary), params: { quorum: 1, topN: 1, deskWeight: 40, interviewWeight: 60 } },
      pick(KEYS.announcement),
    ],
  };
  return compressCalendar(template, { startAt: new Date(Date.now() + 2_000), stageSeconds: 600 });
}

/**
 * Entries apply a stage's close in their own workflows, after the cycle has told them. A stage that opens at the
 * very instant the previous one closed must still work from what that close settled: no entry the selection left
 * out on the interview schedule, no entry that missed its interview on the plenary's list. The test opens each next
 * stage the moment the previous one is closed, without waiting for the entries.
 */
describe('[structure] stages back to back read what the previous stage settled', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const entries: { id: string; cluster: Cluster; desk: number; screened: boolean }[] = [];
  let passed: typeof entries = [];
  let assigned: string[] = [];
  let finalists: typeof entries = [];
  const panelists: { token: string; userId: string; email: string }[] = [];

  beforeAll(async () => {
    await stack.start();
    const agencies = CLUSTERS.flatMap((cluster, index) =>
      [0, 1].map((n) => ({ code: `bb-${YEAR}-${index}${n}`, cluster })),
    );
    const csv = [
      'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language',
      ...agencies.map(
        (agency) =>
          `${agency.code},Instansi ${agency.code},${agency.cluster},Bali,WITA,Humas,humas@${agency.code}.go.id,,id`,
      ),
    ].join('\n');
    const imported = await stack.request('POST', '/agencies/import', csv);
    if (imported.status !== 201 && imported.status !== 409) expectStatus(imported, 201);

    cycleId = await startCycle(stack, backToBackTemplate());
    await stageReaches(stack, cycleId, KEYS.submission, 'open');
    for (let index = 0; index < ENTRIES; index += 1) {
      const agency = agencies[index % agencies.length];
      const { status, body } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: agency.code,
        title: `Inovasi beruntun ${index}`,
        // Every third summary is too short for screening's rule (five words): screening fails it at its opening.
        summary: index % 3 === 2 ? 'Inovasi singkat.' : 'Inovasi untuk uji tahap yang bersambung tanpa jeda.',
        group: 'keberlanjutan',
        launchDate: '2018-03-01',
        evidenceLinks: ['https://inovasi.example.go.id/bukti'],
      });
      if (status !== 201) throw new Error(`registration ${index} answered ${status}: ${JSON.stringify(body)}`);
      entries.push({ id: body.id, cluster: agency.cluster, desk: 40 + index * 3, screened: index % 3 !== 2 });
    }
    await closeStage(stack, cycleId, KEYS.submission);
    await openStage(stack, cycleId, KEYS.screening);
    await closeStage(stack, cycleId, KEYS.screening);

    const evaluators = await addEvaluators(stack, cycleId, [
      { affiliations: ['univ-a'] },
      { affiliations: ['univ-b'] },
    ]);
    const panels = [];
    for (const key of ['1', '2', '3']) {
      const panelist = await stack.account('panelist');
      panelists.push(panelist);
      panels.push({
        key,
        name: `Panel ${key}`,
        meetingUrl: `https://meet.example.id/beruntun-${key}`,
        panelists: [{ email: panelist.email, affiliations: [`univ-panel-${key}`] }],
      });
    }
    expectStatus(await stack.request('PUT', `/cycles/${cycleId}/interview-panels`, { panels }), 200);

    await openStage(stack, cycleId, KEYS.desk);
    const { assignments } = (await stack.request('GET', `/cycles/${cycleId}/desk-assignments`)).body as {
      assignments: { entryId: string; evaluatorId: string; endedAt: string | null }[];
    };
    assigned = assignments.filter((row) => row.endedAt === null).map((row) => row.entryId);
    passed = entries.filter((entry) => entry.screened);
    const byId = new Map(evaluators.map((evaluator) => [evaluator.userId, evaluator]));
    for (const entry of passed) {
      const assignment = assignments.find((row) => row.entryId === entry.id && row.endedAt === null)!;
      await eventually(`the desk score of ${entry.id}`, async () => {
        const answer = await stack.request(
          'POST',
          `/entries/${entry.id}/desk-scores`,
          { scores: sheet(entry.desk), comment: 'Dinilai.' },
          byId.get(assignment.evaluatorId),
        );
        if (answer.status === 201) return true;
        if (answer.body?.code === 'STAGE.NOT_OPEN') return undefined;
        throw new Error(`desk score answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      });
    }
    await closeStage(stack, cycleId, KEYS.desk);
    await openStage(stack, cycleId, KEYS.selection);
    finalists = CLUSTERS.map(
      (cluster) => passed.filter((entry) => entry.cluster === cluster).sort((a, b) => b.desk - a.desk)[0],
    );
  });
  afterAll(() => stack.stop());

  it('[structure] a screening that closes at the very instant desk evaluation opens gives no evaluator an entry it failed', () => {
    // The best desk score of the provinsi cluster belongs to an entry screening failed: assigning it would matter.
    expect(entries.filter((entry) => !entry.screened)).toHaveLength(ENTRIES / 3);
    expect([...assigned].sort()).toEqual(passed.map((entry) => entry.id).sort());
  });

  it('[structure] a selection that closes at the very instant the interview stage opens puts no eliminated entry on the interview schedule', async () => {
    await closeStage(stack, cycleId, KEYS.selection);
    await openStage(stack, cycleId, KEYS.interview);
    const booked = await schedule(stack, cycleId);
    expect(booked.bookings.map((booking) => booking.entryId).sort()).toEqual(finalists.map((entry) => entry.id).sort());
  });

  it('[structure] an interview stage that closes at the instant the plenary opens puts no no-show entry on the plenary’s list', async () => {
    const booked = await schedule(stack, cycleId);
    const [absent, ...heard] = finalists;
    for (const finalist of heard) {
      const booking = booked.bookings.find((candidate) => candidate.entryId === finalist.id)!;
      const panelist = panelists[Number(booking.panelKey) - 1];
      // Attendance is taken once the slot has begun; the slots of the three panels begin together.
      await eventually(`the attendance of ${finalist.id}`, async () => {
        const answer = await stack.request(
          'POST',
          `/entries/${finalist.id}/interview/attendance`,
          { attendance: 'present' },
          panelist,
        );
        if (answer.status === 200) return true;
        if (Date.now() < Date.parse(booking.startsAt) + 5_000) return undefined;
        throw new Error(`attendance answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      });
      expectStatus(
        await stack.request('POST', `/entries/${finalist.id}/interview/scores`, { scores: sheet(80) }, panelist),
        201,
      );
    }
    // Nobody records the first finalist: once its grace has run out it is a no-show.
    await eventually(
      'the no-show of the first finalist',
      async () => {
        const { bookings } = await schedule(stack, cycleId);
        const booking = bookings.find((candidate) => candidate.entryId === absent.id) as { attendance?: string };
        return booking.attendance === 'no-show' ? true : undefined;
      },
      STATE_WAIT_MS,
    );
    await closeStage(stack, cycleId, KEYS.interview);
    await openStage(stack, cycleId, KEYS.plenary);
    const plenary = await eventually('the plenary to open', async () => {
      const answer = await stack.request('GET', `/cycles/${cycleId}/plenary`);
      return answer.status === 200 ? answer.body : undefined;
    });
    const listed = JSON.stringify(plenary.opening);
    for (const finalist of heard) expect(listed).toContain(finalist.id);
    expect(listed).not.toContain(absent.id);
  });
});
