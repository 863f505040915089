import { entryWorkflowId, localToInstant, type Zone } from '../../libs/domain';
import type { EntryState } from '../../workflows/entry.messages';
import { closeStage, openStage, startCycle, stageReaches } from '../support/fixtures';
import { parseCalendar } from '../support/icalendar';
import { eventually, Stack } from '../support/stack';
import {
  INTERVIEW,
  interviewTemplate,
  localClock,
  mailedCalendar,
  schedule,
  SUBMISSION,
  type ScheduleBody,
  expectStatus,
} from './interview-fixtures';

jest.setTimeout(300_000);

const YEAR = 2061;
const AGENCIES = 40;
const FINALISTS = 94;
const DAYS = 5;
const ZONES: Zone[] = ['WIB', 'WITA', 'WIT'];
const PROVINCE_OF: Record<Zone, string[]> = {
  WIB: ['Jawa Timur', 'Sumatera Barat', 'DKI Jakarta'],
  WITA: ['Sulawesi Selatan', 'Bali', 'Kalimantan Timur'],
  WIT: ['Papua', 'Maluku'],
};

interface Agency {
  code: string;
  zone: Zone;
  unavailable: string[];
}

/**
 * PKRI 2024's interviews: 94 finalists of 40 agencies in three zones, five days, three panels sitting in parallel
 * from 07:00 to 16:00 WIB (so a late WIB slot ends after 17:00 WIT), panelists affiliated with some agencies, some
 * agencies unavailable on a day. Every rule is checked here from the raw schedule, not from the code's own verdicts.
 */
describe('[interview] PKRI 2024 shape: allocation, concurrent moves and calendar files', () => {
  const stack = Stack.shared();
  let cycleId = '';
  const agencies: Agency[] = [];
  const entries: { id: string; agency: Agency }[] = [];
  const tokens = new Map<string, { token: string }>();
  let affiliationsOfPanel: Record<string, string[]> = {};
  let days: string[] = [];
  let first: ScheduleBody;
  const panelistsOf: Record<string, { token: string }[]> = {};

  beforeAll(async () => {
    await stack.start();
    for (let index = 0; index < AGENCIES; index += 1) {
      const zone = ZONES[index % 3];
      agencies.push({ code: `iv-${YEAR}-${String(index).padStart(2, '0')}`, zone, unavailable: [] });
    }
    const csv = [
      'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language',
      ...agencies.map(
        (agency, index) =>
          `${agency.code},Instansi ${agency.code},${index % 2 ? 'kabupaten' : 'kota'},${PROVINCE_OF[agency.zone][index % PROVINCE_OF[agency.zone].length]},${agency.zone},Humas,humas@${agency.code}.go.id,,id`,
      ),
    ].join('\n');
    const imported = await stack.request('POST', '/agencies/import', csv);
    expectStatus(imported, 201);

    // Interviews from the day after the opening (noticeDays 1) for five days, 07:00–16:00 WIB. The admin opens the
    // stage as soon as the finalists are in, long before its calendar instant: the schedule is published today.
    const opensAt = new Date(Date.now() + 600_000);
    const openingDay = localClock(new Date().toISOString(), 'WIB').date;
    const day = (offset: number) =>
      new Date(Date.parse(`${openingDay}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    days = Array.from({ length: DAYS }, (_, index) => day(index + 1));
    const closesAt = localToInstant(`${days[DAYS - 1]}T16:00`, 'WIB')!;
    cycleId = await startCycle(
      stack,
      interviewTemplate(YEAR, 590, {
        opensAt,
        closesAt,
        zone: 'WIB',
        params: {
          noticeDays: 1,
          panels: 3,
          slotMinutes: 20,
          dayStart: '07:00',
          dayEnd: '16:00',
          confirmHoursBefore: 1,
        },
      }),
    );

    affiliationsOfPanel = {
      '1': [agencies[0].code, agencies[3].code],
      '2': [agencies[1].code, agencies[4].code, agencies[7].code],
      '3': [agencies[2].code],
    };
    const panels = [];
    for (const key of ['1', '2', '3']) {
      const panelists = [await stack.account('panelist'), await stack.account('panelist')];
      panelistsOf[key] = panelists;
      panels.push({
        key,
        name: `Panel ${key}`,
        meetingUrl: `https://zoom.us/j/8100000000${key}`,
        panelists: panelists.map((panelist, index) => ({
          email: panelist.email,
          affiliations: index === 0 ? affiliationsOfPanel[key] : ['univ-indonesia'],
        })),
      });
    }
    const set = await stack.request('PUT', `/cycles/${cycleId}/interview-panels`, { panels });
    expectStatus(set, 200);

    // Every fifth agency cannot attend on one of the days (its own local date).
    for (const [index, agency] of agencies.entries()) {
      tokens.set(agency.code, await stack.account('agency', agency.code));
      if (index % 5 !== 0) continue;
      agency.unavailable = [days[index % DAYS]];
      const declared = await stack.request(
        'PUT',
        `/cycles/${cycleId}/interview-availability`,
        { unavailableDays: agency.unavailable },
        tokens.get(agency.code),
      );
      expectStatus(declared, 200);
    }

    const register = async (index: number) => {
      const agency = agencies[index % AGENCIES];
      const { status, body } = await stack.request('POST', `/cycles/${cycleId}/entries`, {
        agencyCode: agency.code,
        title: `Inovasi wawancara ${index}`,
        summary: 'Inovasi finalis untuk uji penjadwalan wawancara.',
        group: index % 2 ? 'keberlanjutan' : 'pembina',
        launchDate: '2018-03-01',
        evidenceLinks: ['https://inovasi.example.go.id/bukti'],
      });
      if (status !== 201) throw new Error(`registration ${index} answered ${status}: ${JSON.stringify(body)}`);
      entries[index] = { id: body.id, agency };
    };
    for (let start = 0; start < FINALISTS; start += 24) {
      await Promise.all(
        Array.from({ length: Math.min(24, FINALISTS - start) }, (_, offset) => register(start + offset)),
      );
    }
    await stageReaches(stack, cycleId, SUBMISSION, 'open');
    await closeStage(stack, cycleId, SUBMISSION);
    await openStage(stack, cycleId, INTERVIEW);
    first = await schedule(stack, cycleId);
  });
  afterAll(() => stack.stop());

  it('[interview] 94 finalists, 5 days, 3 panels: all placed, no conflict, no overlap, inside each agency’s 07:00–17:00, identical on a second run', async () => {
    expect(first.unplaced).toEqual([]);
    expect(first.bookings).toHaveLength(FINALISTS);
    expect(new Set(first.bookings.map((booking) => booking.entryId)).size).toBe(FINALISTS);
    expect(new Set(first.bookings.map((booking) => booking.slotId)).size).toBe(FINALISTS);
    expect(first.slots).toBe(DAYS * 3 * 27);

    const agencyOf = new Map(entries.map((entry) => [entry.id, entry.agency]));
    const panelsUsed = new Set<string>();
    for (const booking of first.bookings) {
      const agency = agencyOf.get(booking.entryId)!;
      panelsUsed.add(booking.panelKey);
      expect(affiliationsOfPanel[booking.panelKey]).not.toContain(agency.code);
      const start = localClock(booking.startsAt, agency.zone);
      const end = localClock(booking.endsAt, agency.zone);
      expect(start.time >= '07:00' && end.time <= '17:00' && end.date === start.date).toBe(true);
      expect(agency.unavailable).not.toContain(start.date);
      expect(days).toContain(localClock(booking.startsAt, 'WIB').date);
    }
    expect(panelsUsed.size).toBe(3);
    // One agency's entries never overlap: its team presents them all.
    const byAgency = new Map<string, ScheduleBody['bookings']>();
    for (const booking of first.bookings) {
      const code = agencyOf.get(booking.entryId)!.code;
      byAgency.set(code, [...(byAgency.get(code) ?? []), booking]);
    }
    for (const own of byAgency.values()) {
      const sorted = [...own].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      sorted.slice(1).forEach((booking, index) => expect(booking.startsAt >= sorted[index].endsAt).toBe(true));
    }
    // WIT agencies could not take the last WIB slots (15:00–16:00 WIB is 17:00–18:00 WIT); the rule was in force.
    expect(
      first.bookings
        .filter((b) => agencyOf.get(b.entryId)!.zone === 'WIT')
        .every((b) => localClock(b.endsAt, 'WIB').time <= '15:00'),
    ).toBe(true);

    const verified = await stack.request('GET', `/cycles/${cycleId}/interview-schedule/verify`);
    expectStatus(verified, 200);
    expect(verified.body).toMatchObject({ entries: FINALISTS, identical: true, differences: [] });
  });

  it('[interview] 50 concurrent reschedule requests for 10 free slots: exactly 10 succeed, 40 get 409 with alternatives, no double booking', async () => {
    // Each booked agency has its invitation before anyone moves, so the move is the calendar's second version.
    await eventually('every invitation', async () => {
      const [{ n }] = await stack.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM notices WHERE kind = 'interview-invited' AND key LIKE $1`,
        [`${cycleId}/interview/%`],
      );
      return n === FINALISTS ? true : undefined;
    });
    const free = await stack.request('GET', `/cycles/${cycleId}/interview-slots/free`);
    const targets = (free.body as { slotId: string; panelKey: string; startsAt: string }[])
      .filter((slot) => slot.panelKey === '1' && localClock(slot.startsAt, 'WIB').date === days[DAYS - 1])
      .filter((slot) => localClock(slot.startsAt, 'WIB').time >= '08:00')
      .slice(0, 10);
    expect(targets).toHaveLength(10);
    const movers = entries.filter((entry) => !affiliationsOfPanel['1'].includes(entry.agency.code)).slice(0, 50);
    expect(movers).toHaveLength(50);
    // The agencies move once their entries' workflows hold their bookings (each loads it on hearing of the stage).
    await eventually('every mover’s workflow to hold its booking', async () => {
      const states = await Promise.all(
        movers.map((entry) =>
          stack.client.workflow.getHandle(entryWorkflowId(cycleId, entry.id)).query<EntryState>('entryState'),
        ),
      );
      return states.every((state) => state.interview?.booking) ? true : undefined;
    });

    const answers = await Promise.all(
      movers.map((entry, index) =>
        stack.request(
          'POST',
          `/entries/${entry.id}/interview/move`,
          { slotId: targets[index % 10].slotId },
          tokens.get(entry.agency.code),
        ),
      ),
    );
    const outcomes: Record<string, number> = {};
    for (const answer of answers) {
      const outcome = answer.status === 200 ? '200' : `${answer.status} ${answer.body.code}`;
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
    expect({ outcomes, first: answers.find((answer) => answer.status !== 200 && answer.status !== 409)?.body }).toEqual(
      {
        outcomes: { '200': 10, '409 INTERVIEW.SLOT_TAKEN': 40 },
        first: undefined,
      },
    );
    const won = answers.filter((answer) => answer.status === 200);
    const lost = answers.filter((answer) => answer.status === 409);
    for (const answer of lost) {
      expect(answer.body.code).toBe('INTERVIEW.SLOT_TAKEN');
      expect(answer.body.alternatives.length).toBeGreaterThan(0);
      expect(targets.map((slot) => slot.slotId)).not.toContain(answer.body.alternatives[0].slotId);
    }
    expect(new Set(won.map((answer) => answer.body.slotId))).toEqual(new Set(targets.map((slot) => slot.slotId)));

    const doubles = await stack.db.query(
      `SELECT slot_id FROM interview_bookings WHERE released_at IS NULL GROUP BY slot_id HAVING count(*) > 1`,
    );
    expect(doubles).toEqual([]);
    const live = await stack.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM interview_bookings WHERE cycle_id = $1 AND released_at IS NULL`,
      [cycleId],
    );
    expect(live[0].n).toBe(FINALISTS);

    // Read access follows the panel: a winner that came from another panel is no longer visible to that panel.
    const winner = won
      .map((answer) => answer.body)
      .find((booking) => {
        return first.bookings.find((initial) => initial.bookingId === booking.bookingId)!.panelKey !== '1';
      });
    const oldPanel = first.bookings.find((initial) => initial.bookingId === winner.bookingId)!.panelKey;
    const entryId = first.bookings.find((initial) => initial.bookingId === winner.bookingId)!.entryId;
    expect((await stack.request('GET', `/entries/${entryId}`, undefined, panelistsOf[oldPanel][0])).status).toBe(404);
    expect((await stack.request('GET', `/entries/${entryId}`, undefined, panelistsOf['1'][1])).status).toBe(200);
  });

  it('[interview] invitations parse with an independent parser, and a move updates the same event', async () => {
    const [moved] = await stack.db.query<{ id: string; entry_id: string; starts_at: Date }[]>(
      `SELECT b.id, b.entry_id, s.starts_at FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
        WHERE b.cycle_id = $1 AND b.sequence = 1 ORDER BY b.id LIMIT 1`,
      [cycleId],
    );
    const key = (sequence: number) => `${cycleId}/interview/${moved.id}/${sequence}`;
    const invitation = parseCalendar(await mailedCalendar(stack, key(0)));
    const update = parseCalendar(await mailedCalendar(stack, key(1)));
    expect(invitation).toMatchObject({ method: 'REQUEST', uid: `${moved.id}@tahap`, sequence: 0, status: 'CONFIRMED' });
    expect(update).toMatchObject({ method: 'REQUEST', uid: invitation.uid, sequence: 1 });
    expect(update.startsAt).toBe(new Date(moved.starts_at).toISOString());
    expect(update.startsAt).not.toBe(invitation.startsAt);
    expect(invitation.alarms).toEqual(['-P1D', '-PT1H']);
    expect(update.location).toBe('https://zoom.us/j/81000000001');

    // A calendar keeps one event per UID and takes the highest SEQUENCE: one event, at the new time.
    const calendar = new Map<string, typeof invitation>();
    for (const event of [invitation, update]) {
      const held = calendar.get(event.uid);
      if (!held || event.sequence > held.sequence) calendar.set(event.uid, event);
    }
    expect([...calendar.values()].map((event) => event.startsAt)).toEqual([update.startsAt]);

    // The agency's inbox shows the same file, and its reading of the time is in its own zone.
    const agency = entries.find((entry) => entry.id === moved.entry_id)!.agency;
    const inbox = await stack.request('GET', '/inbox', undefined, tokens.get(agency.code));
    const notice = (inbox.body as { key: string; subject: string; attachment: { content: string } | null }[]).find(
      (candidate) => candidate.key === key(1),
    )!;
    expect(parseCalendar(notice.attachment!.content).sequence).toBe(1);
    expect(notice.subject).toContain(agency.zone);
  });
});
