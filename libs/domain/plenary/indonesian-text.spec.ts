import { dateId, instantId, isCalendarDate, listId, parseInstant, scoreId } from './indonesian-text';

describe('Indonesian dates and numbers', () => {
  it('writes an instant out in WIB, seven hours after UTC', () => {
    expect(instantId('2024-07-19T08:30:00Z', 'WIB')).toBe('Jumat, 19 Juli 2024 pukul 15.30 WIB');
    expect(instantId('2024-07-19T15:30:00+07:00', 'WIB')).toBe('Jumat, 19 Juli 2024 pukul 15.30 WIB');
    expect(instantId('2024-07-19T08:30:00Z', 'WIT')).toBe('Jumat, 19 Juli 2024 pukul 17.30 WIT');
  });

  it('moves to the next day, month and year when the offset crosses midnight', () => {
    expect(instantId('2024-12-31T17:30:00Z', 'WIB')).toBe('Rabu, 1 Januari 2025 pukul 00.30 WIB');
    expect(instantId('2024-02-28T20:00:00Z', 'WIB')).toBe('Kamis, 29 Februari 2024 pukul 03.00 WIB');
  });

  it('adds seconds, and milliseconds when there are any, on request', () => {
    expect(instantId('2024-05-02T03:00:05Z', 'WIB', true)).toBe('Kamis, 2 Mei 2024 pukul 10.00.05 WIB');
    expect(instantId('2024-05-02T03:00:05.040Z', 'WIB', true)).toBe('Kamis, 2 Mei 2024 pukul 10.00.05,040 WIB');
  });

  it('refuses an instant without its zone, which each machine would read in its own', () => {
    expect(parseInstant('2024-07-19T08:30:00')).toBeUndefined();
    expect(() => instantId('2024-07-19T08:30:00', 'WIB')).toThrow('not an ISO instant with its zone');
    expect(parseInstant('2024-07-19T08:30:00.123Z')).toBe(Date.UTC(2024, 6, 19, 8, 30, 0, 123));
  });

  it('writes calendar dates, scores and lists', () => {
    expect(dateId('2011-03-01')).toBe('1 Maret 2011');
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(() => dateId('2023-02-29')).toThrow('not a YYYY-MM-DD date');
    expect(scoreId(84.125)).toBe('84,13');
    expect(scoreId(null)).toBe('—');
    expect(listId(['a'])).toBe('a');
    expect(listId(['a', 'b', 'c'])).toBe('a, b dan c');
  });
});
