import type { AssignableEvaluator } from '../desk/assignment';
import { interviewParams } from '../template/stage-params';
import type { Zone } from '../time-zone';
import {
  allocateInterviews,
  slotFits,
  type InterviewPanel,
  type InterviewSchedule,
  type InterviewSlot,
  type SchedulableEntry,
} from './allocation';
import { planSlots } from './slots';
import { seeded, shuffled } from '../seeded-random';

// The checks below use their own arithmetic, not the module's helpers, so a shared mistake cannot hide.
const OFFSET_HOURS: Record<Zone, number> = { WIB: 7, WITA: 8, WIT: 9 };
const local = (iso: string, zone: Zone) => new Date(Date.parse(iso) + OFFSET_HOURS[zone] * 3_600_000).toISOString();
const localDate = (iso: string, zone: Zone) => local(iso, zone).slice(0, 10);
const localMinutes = (iso: string, zone: Zone, sameDayAs: string) =>
  (Date.parse(local(iso, zone).slice(0, 16) + 'Z') - Date.parse(`${localDate(sameDayAs, zone)}T00:00Z`)) / 60_000;

function hasConflict(entry: SchedulableEntry, panelist: AssignableEvaluator, sameProvince: boolean): boolean {
  return (
    panelist.affiliations.includes(entry.agencyCode) ||
    (sameProvince && !!panelist.province && panelist.province === entry.province) ||
    (!!entry.replicatesAgencyCode && panelist.affiliations.includes(entry.replicatesAgencyCode)) ||
    !!panelist.declaredConflictEntryIds?.includes(entry.id)
  );
}

/** Every broken hard rule in a schedule, in words; empty when the schedule keeps them all. */
function violations(
  schedule: InterviewSchedule,
  slots: InterviewSlot[],
  entries: SchedulableEntry[],
  panels: InterviewPanel[],
  sameProvince: boolean,
): string[] {
  const slotById = new Map(slots.map((slot) => [slot.id, slot]));
  const entryById = new Map(entries.map((entry) => [entry.id, entry]));
  const panelByKey = new Map(panels.map((panel) => [panel.key, panel]));
  const found: string[] = [];
  for (const { entryId, slotId } of schedule.bookings) {
    const slot = slotById.get(slotId)!;
    const entry = entryById.get(entryId)!;
    for (const panelist of panelByKey.get(slot.panelKey)!.panelists) {
      if (hasConflict(entry, panelist, sameProvince)) found.push(`1: ${entryId} before ${panelist.id}`);
    }
    if (entry.unavailableDays.includes(localDate(slot.startsAt, entry.zone))) found.push(`2: ${entryId} on ${slotId}`);
    const start = localMinutes(slot.startsAt, entry.zone, slot.startsAt);
    const end = localMinutes(slot.endsAt, entry.zone, slot.startsAt);
    if (start < 7 * 60 || end > 17 * 60) found.push(`3: ${entryId} at ${local(slot.startsAt, entry.zone)}`);
  }
  const slotIds = schedule.bookings.map((booking) => booking.slotId);
  if (new Set(slotIds).size !== slotIds.length) found.push('4: a slot is booked twice');
  const entryIds = [...schedule.bookings, ...schedule.unplaced].map((item) => item.entryId);
  if (new Set(entryIds).size !== entryIds.length) found.push('an entry is booked twice or both booked and unplaced');
  for (const a of schedule.bookings) {
    for (const b of schedule.bookings) {
      if (a.entryId >= b.entryId || entryById.get(a.entryId)!.agencyCode !== entryById.get(b.entryId)!.agencyCode) {
        continue;
      }
      const [x, y] = [slotById.get(a.slotId)!, slotById.get(b.slotId)!];
      if (x.startsAt < y.endsAt && y.startsAt < x.endsAt) found.push(`5: ${a.entryId} and ${b.entryId} overlap`);
    }
  }
  return found;
}

const PROVINCES: Record<Zone, string[]> = {
  WIB: ['Aceh', 'Sumatera Barat', 'DKI Jakarta', 'Jawa Barat', 'Jawa Tengah', 'Jawa Timur', 'Kalimantan Barat'],
  WITA: ['Bali', 'Nusa Tenggara Barat', 'Nusa Tenggara Timur', 'Kalimantan Timur', 'Sulawesi Selatan'],
  WIT: ['Maluku', 'Maluku Utara', 'Papua', 'Papua Barat', 'Papua Pegunungan'],
};
const PKRI_DAYS = ['2024-07-12', '2024-07-13', '2024-07-14', '2024-07-15', '2024-07-16'];

/** PKRI 2024's interviews: 58 keberlanjutan and 36 replikasi entries, 12–16 July, three panels of four. */
function pkri2024(seed: number) {
  const random = seeded(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const window = { opensAt: '2024-07-12T02:00:00.000Z', closesAt: '2024-07-16T07:20:00.000Z', zone: 'WIB' as const };
  const params = { ...interviewParams(), dayStart: '07:00', dayEnd: '16:00', slotMinutes: 20 };
  const slots = planSlots(window, params, ['1', '2', '3']).map((slot) => ({
    id: `${slot.startsAt.slice(0, 16)}/${slot.panelKey}`,
    ...slot,
  }));
  // A third of the agencies east of WIB, where the panel's late afternoon is after office hours.
  const zones: Zone[] = ['WIB', 'WIB', 'WIB', 'WIB', 'WITA', 'WITA', 'WIT', 'WIT'];
  const agencies = Array.from({ length: 80 }, (_, i) => {
    const zone = pick(zones);
    return { code: `AG-${String(i + 1).padStart(2, '0')}`, zone, province: pick(PROVINCES[zone]) };
  });
  // The first 80 entries one per agency, the last 14 a second entry of an agency already presenting.
  const entries: SchedulableEntry[] = Array.from({ length: 94 }, (_, i) => {
    const agency = i < 80 ? agencies[i] : agencies[Math.floor(random() * 80)];
    const unavailable = random() < 0.15 ? shuffled(PKRI_DAYS, random).slice(0, 1 + Math.floor(random() * 2)) : [];
    return {
      id: `pkri-${String(i + 1).padStart(3, '0')}`,
      agencyCode: agency.code,
      province: agency.province,
      zone: agency.zone,
      replicatesAgencyCode: i >= 58 ? pick(agencies).code : null,
      unavailableDays: unavailable,
    };
  });
  // A Papua agency free only on the last day, and one whose team presents two entries.
  entries[0] = { ...entries[0], zone: 'WIT', province: 'Papua', unavailableDays: PKRI_DAYS.slice(0, 4) };
  const panels: InterviewPanel[] = ['1', '2', '3'].map((key, p) => ({
    key,
    panelists: Array.from({ length: 4 }, (_, i) => ({
      id: `tpi-${p * 4 + i + 1}`,
      name: `Panelis ${p * 4 + i + 1}`,
      // Their own university, and for some a finalist agency they advised.
      affiliations: [`UNIV-${p * 4 + i + 1}`, ...(random() < 0.4 ? [pick(agencies).code] : [])],
      province: random() < 0.3 ? pick(Object.values(PROVINCES).flat()) : null,
      declaredConflictEntryIds: random() < 0.5 ? [pick(entries).id] : [],
    })),
  }));
  return { slots, entries, panels, random };
}

const slot = (id: string, startsAt: string, minutes = 20, panelKey = '1'): InterviewSlot => ({
  id,
  panelKey,
  startsAt,
  endsAt: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
});

const entry = (id: string, extra: Partial<SchedulableEntry> = {}): SchedulableEntry => ({
  id,
  agencyCode: `AG-${id}`,
  province: 'Jawa Barat',
  zone: 'WIB',
  unavailableDays: [],
  ...extra,
});

const panel = (key: string, ...panelists: AssignableEvaluator[]): InterviewPanel => ({ key, panelists });
const noRules = { sameProvince: false };

describe('allocateInterviews', () => {
  describe('PKRI 2024 shape: 94 entries, 12–16 July, three panels, agencies in WIB, WITA and WIT', () => {
    const { slots, entries, panels, random } = pkri2024(20240712);
    const rules = { sameProvince: true };
    const schedule = allocateInterviews(slots, entries, panels, rules);

    it('the data exercises every rule', () => {
      const conflicted = entries.filter((e) =>
        panels.some((p) => p.panelists.some((panelist) => hasConflict(e, panelist, true))),
      );
      expect(conflicted.length).toBeGreaterThan(10);
      expect(entries.filter((e) => e.unavailableDays.length > 0).length).toBeGreaterThan(5);
      expect(entries.filter((e) => e.zone === 'WIT').length).toBeGreaterThan(10);
      expect(new Set(entries.map((e) => e.agencyCode)).size).toBeLessThan(entries.length);
      // 15:00–16:00 WIB is 17:00–18:00 WIT: three slot times a day (none on the 16th, which closes at 14:20 WIB)
      // that no Papua agency may be given.
      const papua = entries.find((e) => e.zone === 'WIT')!;
      const late = slots.filter((s) => slotFits(s, { ...papua, unavailableDays: [] }, [panel(s.panelKey)], rules));
      expect(late).toHaveLength(3 * 4 * 3);
    });

    it('places all 94 entries and breaks no hard rule', () => {
      expect(schedule.unplaced).toEqual([]);
      expect(schedule.bookings).toHaveLength(94);
      expect(violations(schedule, slots, entries, panels, true)).toEqual([]);
    });

    it('gives the Papua agency free only on 16 July a slot that day, inside its office hours', () => {
      const booking = schedule.bookings.find((b) => b.entryId === 'pkri-001')!;
      const startsAt = slots.find((s) => s.id === booking.slotId)!.startsAt;
      expect(localDate(startsAt, 'WIT')).toBe('2024-07-16');
      expect(booking.reason).toMatch(
        /^earliest free slot within 07:00–17:00 WIT on a panel without a conflict, off its unavailable days \(2024-07-12, 2024-07-13, 2024-07-14, 2024-07-15\)/,
      );
    });

    it('says in each booking which panels were excluded and why', () => {
      const withConflict = schedule.bookings.filter((b) => b.reason.includes('excluded:'));
      expect(withConflict.length).toBeGreaterThan(0);
      for (const booking of withConflict) {
        expect(booking.reason).toMatch(/; panel \d excluded: Panelis \d+ \((declared|same province|the entry)/);
      }
    });

    it('keeps two entries of one agency apart in time', () => {
      const twice = entries.filter((e) => entries.filter((other) => other.agencyCode === e.agencyCode).length > 1);
      expect(twice.length).toBeGreaterThanOrEqual(2);
      const startOf = new Map(schedule.bookings.map((b) => [b.entryId, slots.find((s) => s.id === b.slotId)!]));
      for (const a of twice) {
        for (const b of twice) {
          if (a.id < b.id && a.agencyCode === b.agencyCode) {
            expect(startOf.get(a.id)!.startsAt).not.toBe(startOf.get(b.id)!.startsAt);
          }
        }
      }
    });

    it('gives the identical schedule for the same inputs in any order', () => {
      for (let round = 0; round < 3; round++) {
        const reordered = shuffled(panels, random).map((p) => ({
          ...p,
          panelists: shuffled(p.panelists, random).map((panelist) => ({
            ...panelist,
            affiliations: shuffled(panelist.affiliations, random),
          })),
        }));
        const again = allocateInterviews(shuffled(slots, random), shuffled(entries, random), reordered, rules);
        expect(again).toEqual(schedule);
      }
    });

    it('the rule checks can fail: a schedule breaking each rule is caught', () => {
      const papua = entries.find((e) => e.zone === 'WIT' && e.unavailableDays.length === 0)!;
      const conflicted = entries.find((e) => panels[0].panelists.some((p) => hasConflict(e, p, true)))!;
      const away = entries.find((e) => e.unavailableDays.length > 0)!;
      const awaySlot = slots.find((s) => away.unavailableDays.includes(localDate(s.startsAt, away.zone)))!;
      const [twin, other] = entries.filter((e) => e.agencyCode === entries[93].agencyCode);
      const bad = (entryId: string, slotId: string) => ({ entryId, slotId, reason: '' });
      const broken: InterviewSchedule = {
        bookings: [
          bad(papua.id, '2024-07-12T08:40/2'), // 15:40 WIB, 17:40 WIT
          bad(conflicted.id, '2024-07-13T00:00/1'),
          bad(away.id, awaySlot.id),
          bad(twin.id, '2024-07-14T00:00/2'),
          bad(other.id, '2024-07-14T00:00/3'),
          bad(entries.find((e) => ![papua, conflicted, away, twin, other].includes(e))!.id, '2024-07-14T00:00/3'),
        ],
        unplaced: [],
      };
      const rules = violations(broken, slots, entries, panels, true).map((found) => found.slice(0, 2));
      expect(new Set(rules)).toEqual(new Set(['1:', '2:', '3:', '4:', '5:']));
    });
  });

  it('keeps a Papua agency out of a slot that ends after 17:00 in its own zone', () => {
    const slots = [slot('morning', '2024-07-12T02:00:00.000Z'), slot('late', '2024-07-12T08:40:00.000Z')];
    // By id alone the WIB agency would go first and take the morning.
    const entries = [entry('a-jawa'), entry('z-papua', { zone: 'WIT', province: 'Papua' })];
    const schedule = allocateInterviews(slots, entries, [panel('1')], noRules);
    expect(schedule.bookings).toEqual([
      {
        entryId: 'z-papua',
        slotId: 'morning',
        reason: 'earliest free slot within 07:00–17:00 WIT on a panel without a conflict',
      },
      {
        entryId: 'a-jawa',
        slotId: 'late',
        reason: 'earliest free slot within 07:00–17:00 WIB on a panel without a conflict',
      },
    ]);
    expect(slotFits(slots[1], entries[1], [panel('1')], noRules)).toBe(
      'it runs 17:40–18:00 WIT, outside 07:00–17:00 WIT',
    );
  });

  it('spreads interviews at the same time across panels', () => {
    const slots = [
      slot('09-1', '2025-07-07T02:00:00.000Z', 20, '1'),
      slot('10-1', '2025-07-07T03:00:00.000Z', 20, '1'),
      slot('10-2', '2025-07-07T03:00:00.000Z', 20, '2'),
    ];
    const panels = ['1', '2'].map((key) => panel(key));
    const schedule = allocateInterviews(slots, [entry('e1'), entry('e2'), entry('e3')], panels, noRules);
    // Panel 1 alone sits at 09:00; at 10:00 the next entry goes to panel 2, which has heard no one yet.
    expect(schedule.bookings.map((b) => [b.entryId, b.slotId])).toEqual([
      ['e1', '09-1'],
      ['e3', '10-1'],
      ['e2', '10-2'],
    ]);
  });

  describe('when not everyone can be placed', () => {
    const days = ['2025-07-07', '2025-07-08'];
    const slots = days.flatMap((day) =>
      ['1', '2', '3'].map((key) => slot(`${day}/${key}`, `${day}T02:00:00.000Z`, 20, key)),
    );
    const panels = [
      panel('1', { id: 'tpi-1', name: 'Dewi', affiliations: ['KAB-JYP'] }),
      panel('2', { id: 'tpi-2', affiliations: [], province: 'Papua' }),
      panel('3', { id: 'tpi-3', affiliations: [], declaredConflictEntryIds: ['jayapura'] }),
    ];
    const rules = { sameProvince: true };

    it('names an entry every panel has a conflict with, panel by panel', () => {
      const jayapura = entry('jayapura', { agencyCode: 'KAB-JYP', province: 'Papua', zone: 'WIT' });
      const schedule = allocateInterviews(slots, [jayapura], panels, rules);
      expect(schedule.bookings).toEqual([]);
      expect(schedule.unplaced).toEqual([
        {
          entryId: 'jayapura',
          reason:
            'no slot fits: panels 1, 2 and 3 have a conflict (Dewi on panel 1: declared an affiliation with KAB-JYP, ' +
            'tpi-2 on panel 2: same province (Papua), tpi-3 on panel 3: declared a conflict with this entry)',
        },
      ]);
    });

    it('counts the slots each cause rules out', () => {
      const away = entry('away', { zone: 'WITA', unavailableDays: ['2025-07-07', '2025-07-08'] });
      const schedule = allocateInterviews(slots, [away], panels, rules);
      expect(schedule.unplaced).toEqual([
        {
          entryId: 'away',
          reason: 'no slot fits: 6 of 6 slots fall on its declared unavailable days (2025-07-07, 2025-07-08)',
        },
      ]);
      const late = [slot('late', '2025-07-07T09:00:00.000Z'), slot('dawn', '2025-07-06T22:00:00.000Z')];
      const both = allocateInterviews(late, [{ ...away, unavailableDays: ['2025-07-07'] }], [panel('1')], rules);
      expect(both.unplaced[0].reason).toBe(
        'no slot fits: 2 of 2 slots fall on its declared unavailable days (2025-07-07); ' +
          '2 of 2 slots are outside 07:00–17:00 WITA',
      );
      expect(allocateInterviews([], [away], panels, rules).unplaced[0].reason).toBe(
        'no slot fits: there are no interview slots',
      );
    });

    it('says when every slot that fits went to other entries, and still books the rest', () => {
      const entries = Array.from({ length: 8 }, (_, i) => entry(`e${i + 1}`));
      const schedule = allocateInterviews(slots, entries, panels, rules);
      expect(schedule.bookings).toHaveLength(6);
      expect(schedule.unplaced).toEqual([
        { entryId: 'e7', reason: 'all 6 slots it could take are taken by other entries' },
        { entryId: 'e8', reason: 'all 6 slots it could take are taken by other entries' },
      ]);
    });

    it('says when the only free times overlap the same agency’s other interview', () => {
      const oneTime = slots.filter((s) => s.startsAt.startsWith('2025-07-07'));
      const twins = [entry('twin-1', { agencyCode: 'KOTA-PDG' }), entry('twin-2', { agencyCode: 'KOTA-PDG' })];
      const schedule = allocateInterviews(oneTime, twins, panels, rules);
      expect(schedule.bookings.map((b) => b.entryId)).toEqual(['twin-1']);
      expect(schedule.unplaced).toEqual([
        {
          entryId: 'twin-2',
          reason:
            'all 3 slots it could take are taken by other entries (1) or overlap the interview of twin-1, of the same agency (2)',
        },
      ]);
    });
  });

  it('moves an entry along an augmenting path when the greedy pass alone would leave one out', () => {
    // One slot a day on one panel; each entry may present only on the listed days.
    const days = ['2025-07-07', '2025-07-08', '2025-07-09', '2025-07-10', '2025-07-11', '2025-07-14'];
    const slots = days.map((day, i) => slot(`d${i + 1}`, `${day}T02:00:00.000Z`));
    const onlyOn = (id: string, allowed: number[]) =>
      entry(id, { unavailableDays: days.filter((_, i) => !allowed.includes(i + 1)) });
    // Two-choice entries go first: A takes d1, C d3, D d4, and B, with three choices, finds all three taken. Moving A
    // to d2 frees d1 for B.
    const entries = [onlyOn('A', [1, 2]), onlyOn('B', [1, 3, 4]), onlyOn('C', [3, 5]), onlyOn('D', [4, 6])];
    const schedule = allocateInterviews(slots, entries, [panel('1')], noRules);
    expect(schedule.unplaced).toEqual([]);
    expect(schedule.bookings.map((b) => [b.entryId, b.slotId])).toEqual([
      ['B', 'd1'],
      ['A', 'd2'],
      ['C', 'd3'],
      ['D', 'd4'],
    ]);
    expect(schedule.bookings[0].reason).toMatch(/^no free slot fitted, so A moved to another slot to make room; /);
    expect(schedule.bookings[1].reason).toMatch(/^moved here so that B could have a slot too; /);
  });

  it('keeps the same-agency rule while moving entries along a path', () => {
    // X and Y are one agency. Y fits only d1/2 and Q only d3; X fits d1/1 and d2, Z fits d2 and d3. Greedy: Q d3,
    // Y d1/2, X d2 (d1/1 would overlap Y), and Z finds d2 and d3 taken. The path "Z takes d2, X moves to d1/1"
    // would place everyone but put X and Y before two panels at once, so Z stays out.
    const slots = [
      slot('d1/1', '2025-07-07T02:00:00.000Z', 20, '1'),
      slot('d1/2', '2025-07-07T02:00:00.000Z', 20, '2'),
      slot('d2', '2025-07-08T02:00:00.000Z', 20, '1'),
      slot('d3', '2025-07-09T02:00:00.000Z', 20, '1'),
    ];
    const panels = [
      panel('1', { id: 'tpi-1', affiliations: [], declaredConflictEntryIds: ['Y'] }),
      panel('2', { id: 'tpi-2', affiliations: [], declaredConflictEntryIds: ['X'] }),
    ];
    const entries = [
      entry('Q', { unavailableDays: ['2025-07-07', '2025-07-08'] }),
      entry('X', { agencyCode: 'AG-XY', unavailableDays: ['2025-07-09'] }),
      entry('Y', { agencyCode: 'AG-XY', unavailableDays: ['2025-07-08', '2025-07-09'] }),
      entry('Z', { unavailableDays: ['2025-07-07'] }),
    ];
    const schedule = allocateInterviews(slots, entries, panels, noRules);
    expect(violations(schedule, slots, entries, panels, false)).toEqual([]);
    expect(schedule.bookings.map((b) => [b.entryId, b.slotId])).toEqual([
      ['Y', 'd1/2'],
      ['X', 'd2'],
      ['Q', 'd3'],
    ]);
    expect(schedule.bookings[1].reason).toMatch(/^earliest free slot .*, not overlapping Y of the same agency; /);
    expect(schedule.unplaced).toEqual([
      { entryId: 'Z', reason: 'all 2 slots it could take are taken by other entries' },
    ]);
  });

  it('finds a path through a slot an earlier path explored in vain, when the same-agency rule was why', () => {
    // AG-1 presents three entries, so they need three different days; AG-0 two, on panel 1 only. Greedy leaves e4
    // out. Trying d8/1 first fails (e1 moving to d8/2 would overlap e4 there), yet d8/1 serves a longer path that
    // starts with e4 taking d9/1 and ends with e1 moving to d8/2; a search keeping d8/1 marked as explored misses it.
    const at = (day: string, key: string) => slot(`${day.slice(8)}/${key}`, `${day}T02:00:00.000Z`, 20, key);
    const slots = [
      at('2025-07-07', '1'),
      at('2025-07-07', '2'),
      at('2025-07-08', '1'),
      at('2025-07-08', '2'),
      at('2025-07-09', '1'),
    ];
    const panels = [panel('1'), panel('2', { id: 'tpi-2', affiliations: ['AG-0'] })];
    const entries = [
      entry('e0', { agencyCode: 'AG-0' }),
      entry('e1', { agencyCode: 'AG-1', unavailableDays: ['2025-07-07', '2025-07-09'] }),
      entry('e2', { agencyCode: 'AG-0' }),
      entry('e3', { agencyCode: 'AG-1' }),
      entry('e4', { agencyCode: 'AG-1', unavailableDays: ['2025-07-07'] }),
    ];
    const schedule = allocateInterviews(slots, entries, panels, noRules);
    expect(schedule.unplaced).toEqual([]);
    expect(violations(schedule, slots, entries, panels, false)).toEqual([]);
    expect(schedule.bookings.map((b) => [b.entryId, b.slotId])).toEqual([
      ['e2', '07/1'],
      ['e3', '07/2'],
      ['e0', '08/1'],
      ['e1', '08/2'],
      ['e4', '09/1'],
    ]);
  });

  it('places as many entries as an exhaustive search of small cycles does', () => {
    const random = seeded(7);
    const days = ['2025-07-07', '2025-07-08', '2025-07-09'];
    for (let trial = 0; trial < 200; trial++) {
      const panels = ['1', '2'].map((key) =>
        panel(key, {
          id: `p${key}`,
          affiliations: ['AG-0', 'AG-1', 'AG-2', 'AG-3', 'AG-4'].filter(() => random() < 0.3),
        }),
      );
      const slots = days.flatMap((day) =>
        ['1', '2'].filter(() => random() < 0.6).map((key) => slot(`${day}/${key}`, `${day}T02:00:00.000Z`, 20, key)),
      );
      const entries = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, i) =>
        entry(`e${i}`, {
          agencyCode: `AG-${i}`,
          unavailableDays: days.filter(() => random() < 0.4),
        }),
      );
      const fits = entries.map((e) => slots.flatMap((s, i) => (slotFits(s, e, panels, noRules) === null ? [i] : [])));
      const best = (e: number, used: Set<number>): number => {
        if (e === entries.length) return 0;
        let most = best(e + 1, used);
        for (const s of fits[e]) {
          if (used.has(s)) continue;
          used.add(s);
          most = Math.max(most, 1 + best(e + 1, used));
          used.delete(s);
        }
        return most;
      };
      const schedule = allocateInterviews(slots, entries, panels, noRules);
      expect(violations(schedule, slots, entries, panels, false)).toEqual([]);
      expect(schedule.bookings).toHaveLength(best(0, new Set()));
    }
  });

  it('refuses inputs that would make the schedule depend on their order', () => {
    const s = slot('s', '2025-07-07T02:00:00.000Z');
    expect(() => allocateInterviews([s, s], [entry('e')], [panel('1')], noRules)).toThrow('slot s is listed twice');
    expect(() => allocateInterviews([s], [entry('e'), entry('e')], [panel('1')], noRules)).toThrow(
      'entry e is listed twice',
    );
    expect(() => allocateInterviews([s], [entry('e')], [panel('2')], noRules)).toThrow('panel 1, which is not given');
  });
});

describe('slotFits', () => {
  const s = slot('s', '2025-07-07T08:40:00.000Z'); // 15:40 WIB, 17:40 WIT
  const panels = [panel('1', { id: 'tpi-1', affiliations: ['AG-e'] })];

  it('passes a slot nothing stands in the way of', () => {
    expect(slotFits(s, entry('x'), panels, noRules)).toBeNull();
  });

  it('[security] refused for a conflict, it names neither the conflicted panelist nor what they declared', () => {
    const reason = slotFits(s, entry('e'), panels, noRules);
    expect(reason).toBe('a member of panel 1 has a conflict of interest with this entry');
    expect(reason).not.toMatch(/tpi-1|affiliation|AG-e/);
  });

  it('names every rule the slot breaks for the entry', () => {
    const papua = entry('e', { zone: 'WIT', unavailableDays: ['2025-07-07'] });
    expect(slotFits(s, papua, panels, noRules)).toBe(
      'a member of panel 1 has a conflict of interest with this entry; ' +
        'it falls on 2025-07-07, a day AG-e declared unavailable; it runs 17:40–18:00 WIT, outside 07:00–17:00 WIT',
    );
    expect(slotFits({ ...s, panelKey: '9' }, papua, panels, noRules)).toBe('panel 9 does not exist');
  });
});
