import { localToInstant } from '../../libs/domain';
import { closeStage, INNOVATION, openStage, startCycle, stageReaches } from '../support/fixtures';
import { eventually, Stack } from '../support/stack';
import {
  expectStatus,
  INTERVIEW,
  interviewTemplate,
  localClock,
  schedule,
  SUBMISSION,
  type ScheduleBody,
} from '../interview/interview-fixtures';

jest.setTimeout(300_000);

const AGENCY = 'oc-kab-sleman';
type Booking = ScheduleBody['bookings'][number] & { bookedBy: string; reason: string; confirmedAt: string | null };
const CLASH = /the agency presents "Dua siklus A" at the same time/;

/**
 * Two cycles interview on the same morning, and one agency has an entry in each. One team presents both, so the
 * agency's interview in the other cycle counts both when the second cycle's schedule is made and when the agency
 * moves its own slot: the same rule (`clashingPresentation`) over the same bookings (`agencyPresentations`).
 */
describe('[structure] one agency, two cycles on one day: allocation and moves apply one rule', () => {
  const stack = Stack.shared();
  let agency: { token: string; userId: string };
  const cycles: { id: string; entryId: string }[] = [];
  let second: ScheduleBody;

  beforeAll(async () => {
    await stack.start();
    const csv = [
      'code,name,cluster,province,zone,contact_name,contact_email,contact_phone,language',
      `${AGENCY},Pemerintah Kabupaten Sleman,kabupaten,DI Yogyakarta,WIB,Humas,humas@${AGENCY}.go.id,,id`,
    ].join('\n');
    expectStatus(await stack.request('POST', '/agencies/import', csv), 201);
    agency = await stack.account('agency', AGENCY);
    // Both cycles interview tomorrow (WIB), 07:00–09:00 on one panel of 20-minute slots.
    const tomorrow = new Date(Date.parse(`${localClock(new Date().toISOString(), 'WIB').date}T00:00:00Z`) + 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const [index, label] of ['A', 'B'].entries()) {
      const opensAt = new Date(Date.now() + 600_000);
      const id = await startCycle(
        stack,
        interviewTemplate(2077 + index, 590, {
          opensAt,
          closesAt: localToInstant(`${tomorrow}T09:00`, 'WIB')!,
          zone: 'WIB',
          params: {
            noticeDays: 1,
            panels: 1,
            slotMinutes: 20,
            dayStart: '07:00',
            dayEnd: '09:00',
            confirmHoursBefore: 1,
          },
        }),
      );
      await stageReaches(stack, id, SUBMISSION, 'open');
      const panelist = await stack.account('panelist');
      const panels = [
        {
          key: '1',
          name: `Panel ${label}`,
          meetingUrl: `https://meet.example.id/${label}`,
          panelists: [{ email: panelist.email, affiliations: ['univ-gadjah-mada'] }],
        },
      ];
      expectStatus(await stack.request('PUT', `/cycles/${id}/interview-panels`, { panels }), 200);
      const entry = await stack.request(
        'POST',
        `/cycles/${id}/entries`,
        {
          title: `Dua siklus ${label}`,
          summary: 'Inovasi yang ikut dua siklus.',
          group: 'keberlanjutan',
          ...INNOVATION,
        },
        agency,
      );
      expectStatus(entry, 201);
      cycles.push({ id, entryId: entry.body.id });
    }
    // Cycle A's schedule is made first; cycle B's sees A's booking.
    for (const { id } of cycles) {
      await closeStage(stack, id, SUBMISSION);
      await openStage(stack, id, INTERVIEW);
      await eventually(`the schedule of ${id}`, async () => ((await schedule(stack, id)).slots > 0 ? true : undefined));
    }
    second = await schedule(stack, cycles[1].id);
  });
  afterAll(() => stack.stop());

  const bookingOf = async (index: number) => (await schedule(stack, cycles[index].id)).bookings[0] as Booking;
  const freeSlots = async (index: number) =>
    (await stack.request('GET', `/cycles/${cycles[index].id}/interview-slots/free`, undefined, agency)).body as {
      slotId: string;
      startsAt: string;
    }[];
  const move = (index: number, slotId: string, reason?: string) =>
    eventually('the entry workflow to be in the interview stage', async () => {
      const answer = await stack.request(
        'POST',
        `/entries/${cycles[index].entryId}/interview/move`,
        { slotId, ...(reason ? { reason } : {}) },
        agency,
      );
      return answer.body.code === 'STAGE.NOT_OPEN' ? undefined : answer;
    });

  it('[structure] the second cycle’s allocation avoids the agency’s interview in the first, and a move onto it is refused for the same reason', async () => {
    const first = await bookingOf(0);
    const [booked] = second.bookings;
    expect(first.startsAt).toBe(
      localToInstant(`${localClock(first.startsAt, 'WIB').date}T07:00`, 'WIB')!.toISOString(),
    );
    // The allocation: cycle B's entry does not present while cycle A's does.
    expect(booked.startsAt >= first.endsAt || booked.endsAt <= first.startsAt).toBe(true);
    // The move: the free slot of cycle B at the very time of cycle A's interview is refused, naming that interview.
    const sameTime = (await freeSlots(1)).find((slot) => slot.startsAt === first.startsAt)!;
    expect(sameTime).toBeDefined();
    const refused = await move(1, sameTime.slotId);
    expectStatus(refused, 422);
    expect(refused.body.message).toMatch(CLASH);
    // And the other way round: cycle A's entry cannot move onto cycle B's interview either.
    const onB = (await freeSlots(0)).find((slot) => slot.startsAt === booked.startsAt)!;
    const refusedA = await move(0, onB.slotId);
    expectStatus(refusedA, 422);
    expect(refusedA.body.message).toMatch(/the agency presents "Dua siklus B" at the same time/);
  });

  it('[structure] after the agency moves, the schedule shows who moved it and why, and the notice says the move confirmed the slot', async () => {
    const before = await bookingOf(1);
    expect(before.bookedBy).toBe('engine');
    const taken = new Set([(await bookingOf(0)).startsAt, before.startsAt]);
    const target = (await freeSlots(1)).find((slot) => !taken.has(slot.startsAt))!;
    const moved = await move(1, target.slotId, 'Kepala dinas hadir pada jam ini.');
    expectStatus(moved, 200);
    expect(moved.body).toMatchObject({ slotId: target.slotId, sequence: 1, confirmed: true });

    const after = await bookingOf(1);
    expect(after).toMatchObject({
      slotId: target.slotId,
      sequence: 1,
      bookedBy: agency.userId,
      reason: 'moved by the agency: Kepala dinas hadir pada jam ini.',
    });
    expect(after.confirmedAt).not.toBeNull();

    const notice = await eventually('the notice of the move', async () => {
      const [row] = await stack.db.query<{ body: string }[]>(`SELECT body FROM notices WHERE key = $1`, [
        `${cycles[1].id}/interview/${after.bookingId}/1`,
      ]);
      return row;
    });
    expect(notice.body).toMatch(/telah dipindahkan/);
    expect(notice.body).toMatch(/pemindahan itu sekaligus menjadi konfirmasi: tidak perlu konfirmasi lagi/);
    expect(notice.body).not.toMatch(/Mohon konfirmasi/);
  });
});
