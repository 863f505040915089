import { PKRI_2024 } from '../libs/domain';
import { ApiRefusal, signedIn, type Call } from './demo-caller';
import type { DemoLogin } from './local-secrets';
import type { DemoPace } from './demo-seed';

interface Stage {
  key: string;
  type: string;
  name: string;
  status: string;
  opensAt: string;
  closesAt: string;
}

interface Cycle {
  status: string;
  stages: Stage[];
}

/**
 * How often the demo's people look, and how much of a stage's window passes before they do what people have left
 * undone in it. At normal pace a person signed in as one of them has most of the window to act first; at fast pace
 * (seconds per stage, for a test) nobody is watching, and they act at once so a busy machine cannot run them out of
 * time.
 */
const ACTOR_PACE: Record<DemoPace, { tickMs: number; actAfterShare: number }> = {
  normal: { tickMs: 2_000, actAfterShare: 0.6 },
  fast: { tickMs: 500, actAfterShare: 0 },
};

/** Every criterion's key of the rubric the template gives an innovation group. */
function criteriaOf(group: string): string[] {
  const rubric = PKRI_2024.groups.find((candidate) => candidate.key === group)?.rubric;
  return (
    PKRI_2024.rubrics.find((candidate) => candidate.key === rubric)?.criteria.map((criterion) => criterion.key) ?? []
  );
}

/** A score between 60 and 95 that is the same for an innovation every time (so a restart scores alike). */
function scoreOf(entryId: string, salt: number): number {
  let hash = salt;
  for (const char of entryId) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_003;
  return 60 + (hash % 36);
}

const sheet = (entryId: string, group: string, salt: number) =>
  Object.fromEntries(criteriaOf(group).map((key) => [key, scoreOf(entryId, salt)]));

/** A refusal that only means "not yet" (the innovation has not heard of its stage) or "already done by a person". */
function isNotYet(error: unknown): boolean {
  return error instanceof ApiRefusal && (error.status === 409 || error.code === 'STAGE.NOT_OPEN');
}

/**
 * The demo's people, acting through the public API as the people would: the evaluator scores, the panelists take
 * attendance, score the interviews, come to the plenary and approve the list, and the secretariat closes it. They
 * act only on what is still missing, at normal pace late in each stage, so a person signed in as one of them acts
 * first.
 */
export class DemoActors {
  private stopped = false;
  private readonly done = new Set<string>();

  private constructor(
    private readonly cycleId: string,
    private readonly admin: Call,
    private readonly evaluator: Call,
    private readonly panelists: { call: Call; userId: string }[],
    private readonly pace: { tickMs: number; actAfterShare: number },
    private readonly say: (line: string) => void,
  ) {}

  static async start(
    baseUrl: string,
    logins: DemoLogin[],
    cycleId: string,
    options: { pace: DemoPace; say: (line: string) => void },
  ): Promise<DemoActors> {
    const as = (role: string) => logins.filter((login) => login.role === role);
    const panelists = await Promise.all(
      as('panelist').map(async (login) => {
        const call = await signedIn(baseUrl, login);
        return { call, userId: (await call<{ userId: string }>('GET', '/auth/me')).userId };
      }),
    );
    const actors = new DemoActors(
      cycleId,
      await signedIn(baseUrl, as('admin')[0]),
      await signedIn(baseUrl, as('evaluator')[0]),
      panelists,
      ACTOR_PACE[options.pace],
      options.say,
    );
    void actors.run();
    return actors;
  }

  stop(): void {
    this.stopped = true;
  }

  private async run(): Promise<void> {
    let lastProblem = '';
    while (!this.stopped) {
      try {
        const cycle = await this.admin<Cycle>('GET', `/cycles/${this.cycleId}`);
        if (cycle.status === 'completed') {
          this.say(`Demo: the cycle is complete; its results are public at /hasil/${this.cycleId}`);
          return;
        }
        for (const stage of cycle.stages.filter((candidate) => candidate.status === 'open')) await this.act(stage);
        lastProblem = '';
      } catch (error) {
        // Said once, not at every tick: the API or the engine may be busy, and the next tick tries again.
        const problem = error instanceof Error ? error.message : String(error);
        if (problem !== lastProblem) this.say(`Demo: will try again (${problem})`);
        lastProblem = problem;
      }
      await new Promise((resolve) => setTimeout(resolve, this.pace.tickMs));
    }
  }

  private async act(stage: Stage): Promise<void> {
    const opens = Date.parse(stage.opensAt);
    const late = Date.now() >= opens + this.pace.actAfterShare * (Date.parse(stage.closesAt) - opens);
    if (stage.type === 'interview') await this.interview(stage);
    if (!late || this.done.has(stage.key)) return;
    if (stage.type === 'desk-evaluation') await this.deskEvaluation(stage);
    if (stage.type === 'plenary') await this.plenary(stage);
  }

  /** The evaluator scores every innovation of the queue still without a sheet. */
  private async deskEvaluation(stage: Stage): Promise<void> {
    const queue = await this.evaluator<
      {
        cycleId: string;
        stageKey: string;
        assigned: number;
        scored: number;
        entries: { entryId: string; group: string; scoredAt: string | null }[];
      }[]
    >('GET', '/desk-queue');
    const part = queue.find((candidate) => candidate.cycleId === this.cycleId && candidate.stageKey === stage.key);
    if (!part) return;
    // The queue lists an entry once it has taken up the stage; the others come at a later tick.
    const missing = part.entries.filter((entry) => entry.scoredAt === null);
    let scored = 0;
    for (const entry of missing) {
      try {
        await this.evaluator('POST', `/entries/${entry.entryId}/desk-scores`, {
          scores: sheet(entry.entryId, entry.group, 1),
          comment: 'Dinilai oleh penilai demo.',
        });
        scored += 1;
      } catch (error) {
        if (!isNotYet(error)) throw error;
      }
    }
    if (scored > 0) this.say(`Demo: the evaluator scored ${scored} innovation(s) in "${stage.name}"`);
    if (part.scored + scored === part.assigned) this.done.add(stage.key);
  }

  /** Each interview whose slot has begun: the panel's panelist records the agency present and scores it. */
  private async interview(stage: Stage): Promise<void> {
    const schedule = await this.admin<{
      bookings: { entryId: string; panelKey: string; startsAt: string; attendance: string | null }[];
    }>('GET', `/cycles/${this.cycleId}/interview-schedule`);
    for (const booking of schedule.bookings) {
      if (Date.parse(booking.startsAt) > Date.now() || this.done.has(`interview:${booking.entryId}`)) continue;
      // Panel n is the n-th demo panelist's (scripts/demo-seed.ts).
      const panelist = this.panelists[Number(booking.panelKey) - 1].call;
      const entry = await this.admin<{ group: string }>('GET', `/entries/${booking.entryId}`);
      const interview = await panelist<{ scores: unknown[] }>('GET', `/entries/${booking.entryId}/interview`);
      try {
        if (booking.attendance === null) {
          await panelist('POST', `/entries/${booking.entryId}/interview/attendance`, { attendance: 'present' });
        }
        if (interview.scores.length === 0) {
          await panelist('POST', `/entries/${booking.entryId}/interview/scores`, {
            scores: sheet(booking.entryId, entry.group, 2),
          });
          this.say(`Demo: a panelist interviewed and scored an innovation in "${stage.name}"`);
        }
        this.done.add(`interview:${booking.entryId}`);
      } catch (error) {
        if (!isNotYet(error)) throw error;
      }
    }
  }

  /** The panelists come in and approve the list unless they have voted; the secretariat then closes the plenary. */
  private async plenary(stage: Stage): Promise<void> {
    const path = `/cycles/${this.cycleId}/plenary`;
    const state = await this.admin<{ status: string; present: string[]; decisionBallots: { panelistId: string }[] }>(
      'GET',
      path,
    );
    if (state.status === 'decided') {
      this.done.add(stage.key);
      return;
    }
    for (const { call, userId } of this.panelists) {
      if (!state.present.includes(userId)) await call('POST', `${path}/attendance`, { present: true });
    }
    for (const { call, userId } of this.panelists) {
      if (!state.decisionBallots.some((ballot) => ballot.panelistId === userId))
        await call('POST', `${path}/votes`, { on: 'decision', vote: 'approve' });
    }
    await this.admin('POST', `${path}/close`, {});
    this.say(`Demo: the panelists approved the list and the secretariat closed "${stage.name}"`);
    this.done.add(stage.key);
  }
}
