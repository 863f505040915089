import { closeStage, ensureAgencies, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { addEvaluators, deskTemplate, sheet, STAGES } from './desk-fixtures';

const REMIND_HOURS = 0.008; // 28.8 s before the deadline
const GRACE_HOURS = 0.005; // 18 s after it

// About two minutes: the rules under test are about time (a reminder before the deadline, the deadline moved, a grace
// period after it), at the shortest offsets that leave the evaluators a moment to act.
describe('[desk] reminders and missing scores', () => {
  const stack = Stack.shared();
  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
  });
  afterAll(() => stack.stop());

  it('[desk] with two evaluators of whom one has finished, the reminder goes once, to the other only', async () => {
    const cycleId = await startCycle(
      stack,
      deskTemplate(
        2097,
        { submission: 15, desk: 50, selection: 300, objection: 300 },
        {
          desk: {
            remindHoursBefore: String(REMIND_HOURS),
            missingScores: 'extend',
            missingScoreGraceHours: GRACE_HOURS,
          },
        },
      ),
    );
    const [finished, late] = await addEvaluators(stack, cycleId, [
      { affiliations: ['univ-airlangga'] },
      { affiliations: ['univ-andalas'] },
    ]);
    const agency = await stack.account('agency', 'kab-banyuwangi');
    const registered = await stack.request(
      'POST',
      `/cycles/${cycleId}/entries`,
      {
        title: 'Inovasi uji pengingat',
        summary: 'Inovasi untuk uji pengingat.',
        group: 'keberlanjutan',
        ...INNOVATION,
      },
      agency,
    );
    expect(registered.status).toBe(201);
    const entryId = registered.body.id as string;
    // The entry is in: desk evaluation opens now, whenever its calendar instant; its deadline (and so the reminder's
    // moment) stays where the template put it.
    await stageReaches(stack, cycleId, STAGES.submission, 'open');
    await closeStage(stack, cycleId, STAGES.submission);
    await openStage(stack, cycleId, STAGES.desk);
    const score = (as: { token: string }, value: number) =>
      eventually('a score sheet to be taken', async () => {
        const answer = await stack.request('POST', `/entries/${entryId}/desk-scores`, { scores: sheet(value) }, as);
        return answer.status === 201 ? answer.body : undefined;
      });
    await score(finished, 80);

    const reminders = async (to: string) => {
      const { body } = await stack.request('GET', `/mail-sink/messages?to=${encodeURIComponent(to)}`);
      return (body as { subject: string }[]).filter((message) => /penilaian belum diisi/.test(message.subject));
    };
    const sent = await eventually(
      'the reminder',
      async () => ((await reminders(late.email)).length > 0 ? 1 : undefined),
      90_000,
    );
    expect(sent).toBe(1);
    expect(await reminders(finished.email)).toEqual([]);
    const inbox = (await stack.request('GET', '/inbox', undefined, late)).body as { subject: string }[];
    expect(inbox.filter((notice) => /penilaian belum diisi/.test(notice.subject))).toHaveLength(1);

    // The deadline moves later: the offset's moment moves with it, but the reminder already went and is not repeated.
    const { body: cycle } = await stack.request('GET', `/cycles/${cycleId}`);
    const desk = cycle.stages.find((stage: { key: string }) => stage.key === STAGES.desk);
    const closesAt = new Date(Date.parse(desk.closesAt) + 25_000);
    const extended = await stack.request('POST', `/cycles/${cycleId}/stages/${STAGES.desk}/extend`, {
      closesAt: closesAt.toISOString(),
      reason: 'Evaluator meminta tambahan waktu.',
    });
    expect(extended.status).toBe(200);
    // At the deadline the missing score is extended for that evaluator only, as the template says, and recorded.
    const decisions = await eventually(
      'the missing-score decision',
      async () => {
        const { body } = await stack.request('GET', `/cycles/${cycleId}/desk-missing-scores`);
        return body.length > 0 ? body : undefined;
      },
      90_000,
    );
    // The moved reminder's moment came before the deadline, which has now passed: still one reminder.
    expect(Date.parse(decisions[0].decidedAt)).toBeGreaterThan(closesAt.getTime() - REMIND_HOURS * 3_600_000);
    expect(await reminders(late.email)).toHaveLength(1);
    expect(decisions).toEqual([
      expect.objectContaining({ entryId, evaluatorId: late.userId, policy: 'extend', dueAt: expect.any(String) }),
    ]);
    expect(await score(late, 60)).toMatchObject({ version: 1, weighted: 60 });
    await stageReaches(stack, cycleId, STAGES.selection, 'open');
    const { body: results } = await stack.request('GET', `/cycles/${cycleId}/desk-results`);
    expect(results[0].evaluators.map((evaluator: { weighted: number }) => evaluator.weighted).sort()).toEqual([60, 80]);
    expect(await reminders(late.email)).toHaveLength(1);
    // Selection and uji publik are long enough for the desk's extension (an extension may not reach past the next
    // stage's close); nothing is tested in them, so the admin moves them on.
    await closeStage(stack, cycleId, STAGES.selection);
    await openStage(stack, cycleId, STAGES.objection);
    await closeStage(stack, cycleId, STAGES.objection);
    await eventually('the cycle to complete', async () =>
      (await stack.request('GET', `/cycles/${cycleId}`)).body.status === 'completed' ? true : undefined,
    );
    await recordReplayFixture(stack.client, cycleId, 'cycle-desk-reminded');
  }, 240_000);
});
