import { formatInZone, instantToLocal, isZone, localToInstant } from './time-zone';

describe('time zones', () => {
  it('converts local wall-clock times in WIB, WITA and WIT to the same instant when they name the same moment', () => {
    const wib = localToInstant('2024-07-16T09:00', 'WIB');
    expect(wib?.toISOString()).toBe('2024-07-16T02:00:00.000Z');
    expect(localToInstant('2024-07-16T10:00', 'WITA')).toEqual(wib);
    expect(localToInstant('2024-07-16T11:00', 'WIT')).toEqual(wib);
  });

  it('accepts seconds and crosses midnight', () => {
    expect(localToInstant('2024-06-11T23:59:30', 'WIB')?.toISOString()).toBe('2024-06-11T16:59:30.000Z');
    expect(localToInstant('2024-01-01T05:00', 'WIT')?.toISOString()).toBe('2023-12-31T20:00:00.000Z');
  });

  it('refuses impossible and malformed times', () => {
    expect(localToInstant('2024-02-30T09:00', 'WIB')).toBeUndefined();
    expect(localToInstant('2024-06-11T24:00', 'WIB')).toBeUndefined();
    expect(localToInstant('11/06/2024 09:00', 'WIB')).toBeUndefined();
  });

  it('shows an instant in each zone with the zone named: 09:00 WIB is 11:00 WIT', () => {
    const instant = new Date('2024-07-16T02:00:00Z');
    expect(formatInZone(instant, 'WIB')).toBe('16 Jul 2024 09:00 WIB');
    expect(formatInZone(instant, 'WITA')).toBe('16 Jul 2024 10:00 WITA');
    expect(formatInZone(instant, 'WIT')).toBe('16 Jul 2024 11:00 WIT');
    expect(instantToLocal(instant, 'WIT')).toBe('2024-07-16T11:00:00');
  });

  it('converts an instant back to wall-clock time in each zone, across a date line', () => {
    const instant = new Date('2024-06-11T16:59:00Z');
    expect(instantToLocal(instant, 'WIB')).toBe('2024-06-11T23:59:00');
    expect(instantToLocal(instant, 'WITA')).toBe('2024-06-12T00:59:00');
    expect(instantToLocal(instant, 'WIT')).toBe('2024-06-12T01:59:00');
    for (const zone of ['WIB', 'WITA', 'WIT'] as const) {
      expect(localToInstant(instantToLocal(instant, zone), zone)).toEqual(instant);
    }
  });

  it('knows only the three zones', () => {
    expect(['WIB', 'WITA', 'WIT'].every(isZone)).toBe(true);
    expect(['UTC', 'wib', 'constructor', 'toString', 7].some(isZone)).toBe(false);
  });
});
