import { entryWorkflowId, ZONES, type Zone } from '../../libs/domain';
import { closeStage, ensureAgencies, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import { recordReplayFixture } from '../support/history';
import { eventually, Stack } from '../support/stack';
import { parseCalendar } from '../support/icalendar';
import {
  expectStatus,
  INTERVIEW,
  interviewTemplate,
  localClock,
  mailedCalendar,
  schedule,
  SUBMISSION,
} from './interview-fixtures';

// About two minutes: the rules under test are about time (a reminder to confirm, the cut-off, reminders before the
// slot, the no-show grace), so the session waits for its slot, set a minute or two ahead at the shortest offsets.
jest.setTimeout(240_000);

const YEAR = 2062;
const SHEET = { kebaruan: 80, efektivitas: 75, kemanfaatan: 90, 'kemudahan-replikasi': 70, keberlanjutan: 85 };

/**
 * A session a minute or two after the admin opens the interview stage (as soon as the entries are in): three panels of
 * 30-second slots from that minute, confirmation due 28.8 seconds before, a reminder to confirm 43.2 seconds before,
 * reminders 28.8 and 14.4 seconds before, unconfirmed slots released, a 15-second grace period: the template's own
 * rules, at the shortest times that leave the agencies a moment to act. A confirms and never shows up; B confirms, attends and is
 * scored; E never confirms and loses its slot; C is affiliated with a panelist of each panel and D cannot attend on
 * the day, so neither can be placed, and the secretariat decides.
 */
describe('[interview] the session: attendance, scores, no-shows, entries that cannot be placed', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const ids: Record<'a' | 'b' | 'c' | 'd' | 'e', string> = { a: '', b: '', c: '', d: '', e: '' };
  const agency = {
    a: 'kab-banyuwangi',
    b: 'kota-padang',
    c: 'kab-lamongan',
    d: 'kab-solok',
    e: 'kota-palopo',
  } as const;
  const tokens: Record<string, { token: string }> = {};
  const panelists: Record<string, { token: string; userId: string; email: string }[]> = {};
  let zone: Zone = 'WIB';
  let day = '';

  beforeAll(async () => {
    await stack.start();
    await ensureAgencies(stack);
    // The session starts at the first whole minute 90 seconds from now; the stage's zone is one whose clock is not
    // about to pass midnight. The calendar opens the stage in ten minutes; the admin opens it as soon as the entries
    // are in, which publishes the schedule and leaves each agency at least a minute before its slot.
    const sessionAt = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000);
    zone = ZONES.find((candidate) => localClock(sessionAt.toISOString(), candidate).time < '23:00')!;
    const { time } = localClock(sessionAt.toISOString(), zone);
    const dayEnd = localClock(new Date(sessionAt.getTime() + 10 * 60_000).toISOString(), zone).time;
    day = localClock(sessionAt.toISOString(), zone).date;
    const opensAt = new Date(Date.now() + 600_000);
    cycleId = await startCycle(
      stack,
      interviewTemplate(YEAR, 590, {
        opensAt,
        closesAt: new Date(opensAt.getTime() + 20 * 60_000),
        zone,
        params: {
          panels: 3,
          slotSeconds: 30,
          dayStart: time,
          dayEnd,
          agencyHours: '00:00-23:59',
          confirmHoursBefore: 0.008,
          // Scaled down: a reminder to confirm 43.2 s before, reminders 28.8 s and 14.4 s before (as H-1 day and
          // H-1 hour).
          confirmReminderHoursBefore: 0.012,
          remindHoursBefore: '0.008,0.004',
          unconfirmed: 'release',
          noShowGraceMinutes: 0.25,
          noShow: 'eliminate',
        },
      }),
    );
    await stageReaches(stack, cycleId, SUBMISSION, 'open');
    const panels = [];
    for (const key of ['1', '2', '3']) {
      panelists[key] = [await stack.account('panelist'), await stack.account('panelist')];
      panels.push({
        key,
        name: `Panel ${key}`,
        meetingUrl: `https://meet.example.id/panel-${key}`,
        panelists: [
          { email: panelists[key][0].email, affiliations: [agency.c] },
          { email: panelists[key][1].email, affiliations: ['univ-airlangga'] },
        ],
      });
    }
    expect((await stack.request('PUT', `/cycles/${cycleId}/interview-panels`, { panels })).status).toBe(200);
    for (const key of ['a', 'b', 'c', 'd', 'e'] as const) {
      tokens[key] = await stack.account('agency', agency[key]);
      const { status, body } = await stack.request(
        'POST',
        `/cycles/${cycleId}/entries`,
        { title: `Sesi ${key}`, summary: 'Inovasi untuk uji sesi wawancara.', group: 'keberlanjutan', ...INNOVATION },
        tokens[key],
      );
      expect(status).toBe(201);
      ids[key] = body.id;
    }
    // Kabupaten Solok is in WIB; the day is its local date of the session.
    const declared = await stack.request(
      'PUT',
      `/cycles/${cycleId}/interview-availability`,
      {
        unavailableDays: [
          ...new Set(
            [0, 20].map(
              (minutes) => localClock(new Date(sessionAt.getTime() + minutes * 60_000).toISOString(), 'WIB').date,
            ),
          ),
        ],
      },
      tokens.d,
    );
    expectStatus(declared, 200);
    const late = await stack.request(
      'PUT',
      `/cycles/${cycleId}/interview-availability`,
      { unavailableDays: ['2020-01-01'] },
      tokens.a,
    );
    expectStatus(late, 400);
    expect(late.body.details[0].path).toBe('unavailableDays[0]');
    await closeStage(stack, cycleId, SUBMISSION);
    await openStage(stack, cycleId, INTERVIEW);
    // A and B confirm at once (their workflows may need a moment to hear of the stage); E never does.
    for (const key of ['a', 'b'] as const) {
      const confirmed = await eventually(`${key} to confirm`, async () => {
        const answer = await stack.request('POST', `/entries/${ids[key]}/interview/confirm`, {}, tokens[key]);
        return answer.status === 200 ? answer.body : undefined;
      });
      expect(confirmed.confirmed).toBe(true);
    }
  });
  afterAll(() => stack.stop());

  const bookingOf = async (entryId: string) => (await stack.request('GET', `/entries/${entryId}/interview`)).body;
  const panelOf = async (entryId: string) => panelists[(await bookingOf(entryId)).booking.panelKey];

  it('[interview] a schedule with no valid solution names the entries it could not place, and why', async () => {
    const made = await schedule(stack, cycleId);
    expect(made.bookings.map((booking) => booking.entryId).sort()).toEqual([ids.a, ids.b, ids.e].sort());
    const reasons = new Map(made.unplaced.map((entry) => [entry.entryId, entry.reason]));
    expect([...reasons.keys()].sort()).toEqual([ids.c, ids.d].sort());
    expect(reasons.get(ids.c)).toMatch(/conflict/);
    expect(reasons.get(ids.d)).toMatch(/unavailable/);
    // A, B and E at the first slot time, one on each panel.
    expect(new Set(made.bookings.map((booking) => booking.panelKey))).toEqual(new Set(['1', '2', '3']));
    expect(new Set(made.bookings.map((booking) => booking.startsAt)).size).toBe(1);
    expect(localClock(made.bookings[0].startsAt, zone).date).toBe(day);

    // The secretariat decides: C cannot sit before a conflicted panel; D is booked despite its declaration.
    const free = (await stack.request('GET', `/cycles/${cycleId}/interview-slots/free`)).body as { slotId: string }[];
    // In the first moments after the opening an entry may not have heard of the stage yet ("not open"): retry.
    const refused = await eventually('C’s workflow to be in the interview stage', async () => {
      const answer = await stack.request('POST', `/entries/${ids.c}/interview/move`, {
        slotId: free[2].slotId,
        reason: 'Diputuskan sekretariat.',
      });
      return answer.body.code === 'STAGE.NOT_OPEN' ? undefined : answer;
    });
    expectStatus(refused, 422);
    expect(refused.body.message).toMatch(/conflict of interest/);
    // Who is conflicted, and what they declared, is not for the one moving the slot.
    const panelistIds = Object.values(panelists).flatMap((members) => members.map((member) => member.userId));
    for (const told of [refused.body.message, JSON.stringify(refused.body)]) {
      expect(panelistIds.filter((id) => told.includes(id))).toEqual([]);
      expect(told).not.toMatch(/affiliation|kab-lamongan/);
    }
    const noReason = await stack.request('POST', `/entries/${ids.d}/interview/move`, { slotId: free[2].slotId });
    expectStatus(noReason, 400);
    const booked = await stack.request('POST', `/entries/${ids.d}/interview/move`, {
      slotId: free[2].slotId,
      reason: 'Instansi menyatakan dapat hadir melalui telepon.',
    });
    expectStatus(booked, 200);
    expect(booked.body).toMatchObject({ slotId: free[2].slotId, sequence: 0, confirmed: false });
    const d = await bookingOf(ids.d);
    expect(d.booking.bookedBy).not.toBe('engine');
    expect(d.history.map((event: { kind: string }) => event.kind)).toEqual(['booked']);
  });

  it('[security] a panelist reads only the panels they sit on and their bookings; one who sits on none finds nothing', async () => {
    const member = panelists['1'][0];
    const panels = await stack.request('GET', `/cycles/${cycleId}/interview-panels`, undefined, member);
    expectStatus(panels, 200);
    expect(panels.body.map((panel: { key: string }) => panel.key)).toEqual(['1']);
    const own = await stack.request('GET', `/cycles/${cycleId}/interview-schedule`, undefined, member);
    expectStatus(own, 200);
    expect(own.body.bookings.length).toBeGreaterThan(0);
    expect(new Set(own.body.bookings.map((booking: { panelKey: string }) => booking.panelKey))).toEqual(new Set(['1']));
    expect(own.body.unplaced).toEqual([]);

    const outsider = await stack.account('panelist');
    for (const path of ['interview-panels', 'interview-schedule']) {
      const answer = await stack.request('GET', `/cycles/${cycleId}/${path}`, undefined, outsider);
      expectStatus(answer, 404);
      expect(JSON.stringify(answer.body)).not.toMatch(/meet\.example\.id|@/);
    }
  });

  it('[interview] a slot unconfirmed at the cut-off is released and its calendar event cancelled', async () => {
    const released = await eventually(
      'E’s slot to be released',
      async () => {
        const body = await bookingOf(ids.e);
        return body.booking === null && body.history.some((event: { kind: string }) => event.kind === 'released')
          ? body
          : undefined;
      },
      180_000,
    );
    expect(released.history.map((event: { kind: string }) => event.kind)).toEqual(['booked', 'released']);
    const [{ id }] = await stack.db.query<{ id: string }[]>(`SELECT id FROM interview_bookings WHERE entry_id = $1`, [
      ids.e,
    ]);
    const invitation = parseCalendar(await mailedCalendar(stack, `${cycleId}/interview/${id}/0`));
    const cancel = parseCalendar(await mailedCalendar(stack, `${cycleId}/interview/${id}/1`));
    expect(invitation).toMatchObject({ method: 'REQUEST', status: 'CONFIRMED', sequence: 0 });
    expect(cancel).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1, uid: invitation.uid });
    // A and B confirmed in time and keep theirs.
    for (const key of ['a', 'b'] as const) expect((await bookingOf(ids[key])).booking.confirmedAt).not.toBeNull();
  });

  it('[interview] panelists record attendance and scores; a no-show is recorded after the grace period with no human action', async () => {
    const [bPanel, aPanel] = [await panelOf(ids.b), await panelOf(ids.a)];
    const present = await eventually(
      'the session to begin',
      async () => {
        const answer = await stack.request(
          'POST',
          `/entries/${ids.b}/interview/attendance`,
          { attendance: 'present' },
          bPanel[1],
        );
        return answer.status === 200 ? answer.body : undefined;
      },
      180_000,
    );
    expect(present.attendance).toBe('present');
    const stranger = await stack.request(
      'POST',
      `/entries/${ids.b}/interview/attendance`,
      { attendance: 'absent' },
      aPanel[1],
    );
    expect([403, 404]).toContain(stranger.status);
    const twice = await stack.request(
      'POST',
      `/entries/${ids.b}/interview/attendance`,
      { attendance: 'absent' },
      bPanel[0],
    );
    expectStatus(twice, 409);
    const badSheet = await stack.request(
      'POST',
      `/entries/${ids.b}/interview/scores`,
      { scores: { kebaruan: 101 } },
      bPanel[1],
    );
    expectStatus(badSheet, 422);
    expect(badSheet.body.details.map((issue: { path: string }) => issue.path)).toContain('scores.kebaruan');
    const scored = await stack.request(
      'POST',
      `/entries/${ids.b}/interview/scores`,
      { scores: SHEET, comment: 'Presentasi jelas.' },
      bPanel[1],
    );
    expectStatus(scored, 201);
    expect(scored.body).toMatchObject({ version: 1, weighted: 81 });

    // Nobody records anything for A: the entry's own timer marks the no-show and tells the agency.
    const a = await eventually(
      'the no-show of A',
      async () => {
        const body = await bookingOf(ids.a);
        return body.booking?.attendance === 'no-show' ? body : undefined;
      },
      120_000,
    );
    expect(a.history.at(-1)).toMatchObject({ kind: 'no-show', actor: 'engine' });
    await eventually('the no-show notice', async () => {
      const inbox = await stack.request('GET', '/inbox', undefined, tokens.a);
      return (inbox.body as { kind: string }[]).some((notice) => notice.kind === 'interview-no-show')
        ? true
        : undefined;
    });
    const lateScore = await stack.request('POST', `/entries/${ids.a}/interview/scores`, { scores: SHEET }, aPanel[1]);
    expectStatus(lateScore, 409);

    // Before the session A was reminded at both offsets, once each, with the time in its own zone; E, which never
    // confirmed, was reminded to confirm; A, which confirmed at once, was not.
    const kinds = async (key: 'a' | 'e') =>
      (
        (await stack.request('GET', '/inbox', undefined, tokens[key])).body as { kind: string; subject: string }[]
      ).filter((notice) => notice.kind.startsWith('interview-'));
    const remindersOfA = (await kinds('a')).filter((notice) => notice.kind === 'interview-reminder');
    expect(remindersOfA).toHaveLength(2);
    for (const notice of remindersOfA) expect(notice.subject).toContain('WIB');
    expect((await kinds('a')).some((notice) => notice.kind === 'interview-confirm-reminder')).toBe(false);
    expect((await kinds('e')).filter((notice) => notice.kind === 'interview-confirm-reminder')).toHaveLength(1);

    // At the close the no-show ends the entry, as the template says; B goes on.
    await closeStage(stack, cycleId, INTERVIEW);
    const ended = await eventually('A to be eliminated', async () => {
      const { body } = await stack.request('GET', `/entries/${ids.a}`);
      return body.status === 'eliminated' ? body : undefined;
    });
    expect(JSON.stringify(ended)).toContain('no-show');
    const b = await eventually('B to complete', async () => {
      const { body } = await stack.request('GET', `/entries/${ids.b}`);
      return body.status === 'completed' ? body : undefined;
    });
    expect(b.status).toBe('completed');
    const e = await eventually('E to be eliminated', async () => {
      const { body } = await stack.request('GET', `/entries/${ids.e}`);
      return body.status === 'eliminated' ? body : undefined;
    });
    expect(JSON.stringify(e)).toContain('released unconfirmed');
    await recordReplayFixture(stack.client, entryWorkflowId(cycleId, ids.a), 'entry-interview-no-show');
    await recordReplayFixture(stack.client, entryWorkflowId(cycleId, ids.b), 'entry-interview-scored');
    await recordReplayFixture(stack.client, entryWorkflowId(cycleId, ids.e), 'entry-interview-released');
    await recordReplayFixture(stack.client, cycleId, 'cycle-interview');
  });
});
