import { interviewParams, type InterviewParams } from '../template/stage-params';
import { comparePanelKeys, planSlots, type PlannedSlot } from './slots';

const params = (overrides: Partial<InterviewParams>): InterviewParams => ({ ...interviewParams(), ...overrides });

/** `HH:mm` of an instant in WIB, by plain arithmetic, independent of the code under test. */
const wib = (iso: string) => new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const times = (slots: PlannedSlot[]) => [...new Set(slots.map((slot) => wib(slot.startsAt)))];

describe('planSlots', () => {
  describe('PKRI 2024: 12–16 July, weekend included, three panels, 07:00–16:00 WIB', () => {
    const window = { opensAt: '2024-07-12T02:00:00.000Z', closesAt: '2024-07-16T07:20:00.000Z', zone: 'WIB' as const };
    const slots = planSlots(window, params({ dayStart: '07:00', dayEnd: '16:00', slotMinutes: 20 }), ['1', '2', '3']);

    it('lays 20-minute slots on all five days, cut by the window at both ends', () => {
      // 12 Jul opens 09:00 (21 slots to 16:00), 13–15 Jul full days (27 each), 16 Jul closes 14:20 (22).
      expect(slots).toHaveLength((21 + 27 * 3 + 22) * 3);
      expect(slots[0]).toEqual({
        panelKey: '1',
        startsAt: '2024-07-12T02:00:00.000Z',
        endsAt: '2024-07-12T02:20:00.000Z',
      });
      expect(slots[slots.length - 1]).toEqual({
        panelKey: '3',
        startsAt: '2024-07-16T07:00:00.000Z',
        endsAt: '2024-07-16T07:20:00.000Z',
      });
      const days = new Set(slots.map((slot) => wib(slot.startsAt).slice(0, 10)));
      expect([...days]).toEqual(['2024-07-12', '2024-07-13', '2024-07-14', '2024-07-15', '2024-07-16']);
      const saturday = times(slots).filter((time) => time.startsWith('2024-07-13'));
      expect(saturday[0]).toBe('2024-07-13 07:00');
      expect(saturday[saturday.length - 1]).toBe('2024-07-13 15:40');
    });

    it('gives every panel one slot at each time, sorted by start then panel', () => {
      for (let i = 0; i < slots.length; i += 3) {
        expect(slots.slice(i, i + 3).map((slot) => slot.panelKey)).toEqual(['1', '2', '3']);
        expect(new Set(slots.slice(i, i + 3).map((slot) => slot.startsAt)).size).toBe(1);
        if (i > 0) expect(slots[i].startsAt > slots[i - 1].startsAt).toBe(true);
      }
      for (const slot of slots) expect(Date.parse(slot.endsAt) - Date.parse(slot.startsAt)).toBe(20 * 60_000);
    });
  });

  it('KIPP: 13 working days between 7 and 23 July 2025, 09:00–14:20 WIB, no Saturday or Sunday', () => {
    const window = { opensAt: '2025-07-07T02:00:00.000Z', closesAt: '2025-07-23T07:20:00.000Z', zone: 'WIB' as const };
    const slots = planSlots(window, params({ workingDaysOnly: true }), ['1', '2', '3']);
    const days = [...new Set(slots.map((slot) => wib(slot.startsAt).slice(0, 10)))];
    expect(days).toEqual([
      ...['2025-07-07', '2025-07-08', '2025-07-09', '2025-07-10', '2025-07-11'],
      ...['2025-07-14', '2025-07-15', '2025-07-16', '2025-07-17', '2025-07-18'],
      ...['2025-07-21', '2025-07-22', '2025-07-23'],
    ]);
    expect(slots).toHaveLength(13 * 16 * 3);
    const first = times(slots).filter((time) => time.startsWith('2025-07-07'));
    expect([first[0], first[first.length - 1]]).toEqual(['2025-07-07 09:00', '2025-07-07 14:00']);
  });

  it('starts a slot that would run into a break when the break ends, overlapping breaks included', () => {
    const window = { opensAt: '2025-07-07T00:00:00.000Z', closesAt: '2025-07-07T10:00:00.000Z', zone: 'WIB' as const };
    const day = params({
      dayStart: '08:00',
      dayEnd: '13:00',
      slotMinutes: 30,
      breaks: [
        { start: '11:00', end: '11:30' },
        { start: '09:45', end: '10:15' },
        { start: '11:15', end: '11:40' },
      ],
    });
    expect(times(planSlots(window, day, ['1'])).map((time) => time.slice(11))).toEqual([
      '08:00',
      '08:30',
      '09:00',
      // 09:30 would end inside the 09:45 break; 10:45 would end inside the 11:00 one, which runs on into 11:15–11:40.
      '10:15',
      '11:40',
      '12:10',
      // 12:40 would end after 13:00.
    ]);
    // A slot may end exactly when a break starts, and the day's last one exactly at dayEnd.
    const flush = params({
      dayStart: '08:00',
      dayEnd: '09:40',
      slotMinutes: 20,
      breaks: [{ start: '08:40', end: '09:00' }],
    });
    expect(times(planSlots(window, flush, ['1'])).map((time) => time.slice(11))).toEqual([
      '08:00',
      '08:20',
      '09:00',
      '09:20',
    ]);
  });

  it('skips listed days, and reads weekends and skipped days as local dates in the stage zone', () => {
    // Monday 7 July 2025 07:00 WIT is Sunday 22:00 UTC: still a working day for a stage held in WIT.
    const window = { opensAt: '2025-07-04T20:00:00.000Z', closesAt: '2025-07-09T12:00:00.000Z', zone: 'WIT' as const };
    const day = params({ dayStart: '07:00', dayEnd: '08:00', slotMinutes: 60, workingDaysOnly: true });
    const local = (slots: PlannedSlot[]) =>
      slots.map((slot) => new Date(Date.parse(slot.startsAt) + 9 * 3_600_000).toISOString().slice(0, 16));
    expect(local(planSlots(window, day, ['A']))).toEqual(['2025-07-07T07:00', '2025-07-08T07:00', '2025-07-09T07:00']);
    expect(planSlots(window, day, ['A'])[0].startsAt).toBe('2025-07-06T22:00:00.000Z');
    expect(local(planSlots(window, { ...day, skipDays: ['2025-07-08'] }, ['A']))).toEqual([
      '2025-07-07T07:00',
      '2025-07-09T07:00',
    ]);
    // Without workingDaysOnly the weekend stays (PKRI 2024 sat on Saturday and Sunday).
    expect(local(planSlots(window, { ...day, workingDaysOnly: false }, ['A']))[0]).toBe('2025-07-05T07:00');
  });

  it('keeps only slots wholly inside the window', () => {
    const window = { opensAt: '2025-07-07T02:10:00.000Z', closesAt: '2025-07-07T03:30:00.000Z', zone: 'WIB' as const };
    expect(times(planSlots(window, params({}), ['1'])).map((time) => time.slice(11))).toEqual([
      '09:20',
      '09:40',
      '10:00',
    ]);
    expect(planSlots({ ...window, closesAt: window.opensAt }, params({}), ['1'])).toEqual([]);
  });

  it('orders panels as people count them and gives the same slots for panel keys in any order', () => {
    const window = { opensAt: '2025-07-07T02:00:00.000Z', closesAt: '2025-07-07T02:20:00.000Z', zone: 'WIB' as const };
    const keys = ['10', '2', '1', 'B', 'A'];
    const slots = planSlots(window, params({}), keys);
    expect(slots.map((slot) => slot.panelKey)).toEqual(['1', '2', '10', 'A', 'B']);
    expect(planSlots(window, params({}), [...keys].reverse())).toEqual(slots);
    expect(['10', '9', '09'].sort(comparePanelKeys)).toEqual(['09', '9', '10']);
  });

  it('cuts the day into slots of whole seconds when the template gives slotSeconds, breaks and window included', () => {
    const window = { opensAt: '2025-07-07T02:00:00.000Z', closesAt: '2025-07-07T02:03:00.000Z', zone: 'WIB' as const };
    const day = params({ dayStart: '09:00', breaks: [{ start: '09:01', end: '09:02' }], slotSeconds: 40 });
    // 09:00:40 would run into the break, so the next slot starts when it ends; 09:02:40 would end after the close.
    expect(planSlots(window, day, ['1']).map((slot) => [slot.startsAt, slot.endsAt])).toEqual([
      ['2025-07-07T02:00:00.000Z', '2025-07-07T02:00:40.000Z'],
      ['2025-07-07T02:02:00.000Z', '2025-07-07T02:02:40.000Z'],
    ]);
    expect(() => planSlots(window, params({ slotSeconds: 0.5 }), ['1'])).toThrow('slotSeconds');
  });

  it('refuses parameters that cannot make a calendar', () => {
    const window = { opensAt: '2025-07-07T02:00:00.000Z', closesAt: '2025-07-07T09:00:00.000Z', zone: 'WIB' as const };
    expect(() => planSlots(window, params({ slotMinutes: 0 }), ['1'])).toThrow('slotMinutes');
    expect(() => planSlots(window, params({ dayStart: '9:00' }), ['1'])).toThrow('dayStart');
    expect(() => planSlots(window, params({}), ['1', '1'])).toThrow('panel 1 is listed twice');
    expect(() => planSlots({ ...window, opensAt: 'soon' }, params({}), ['1'])).toThrow('opensAt');
  });
});
