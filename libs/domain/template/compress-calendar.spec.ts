import { PKRI_2024 } from './builtin';
import { compressCalendar } from './compress-calendar';
import { resolveTemplate } from './resolve-template';
import { validateTemplate } from './validate-template';

describe('compressCalendar', () => {
  const startAt = new Date('2026-11-28T10:00:00.750Z');
  const compressed = compressCalendar(PKRI_2024, { startAt, stageSeconds: { pendaftaran: 30 }, gapSeconds: 2 });
  const stages = resolveTemplate(compressed, 1).stages;

  it('keeps the template valid and its stages, rules and zones untouched', () => {
    expect(validateTemplate(compressed)).toEqual([]);
    expect(
      compressed.stages.map(({ key, type, params, window }) => ({ key, type, params, zone: window.zone })),
    ).toEqual(PKRI_2024.stages.map(({ key, type, params, window }) => ({ key, type, params, zone: window.zone })));
    expect(compressed.rubrics).toEqual(PKRI_2024.rubrics);
  });

  it('starts at the whole second of startAt and gives each stage its seconds, back to back with the gap', () => {
    expect(stages[0].opensAt).toBe('2026-11-28T10:00:00.000Z');
    expect(stages[0].closesAt).toBe('2026-11-28T10:00:30.000Z');
    for (let index = 1; index < stages.length; index++) {
      expect(Date.parse(stages[index].opensAt) - Date.parse(stages[index - 1].closesAt)).toBe(2_000);
      expect(Date.parse(stages[index].closesAt) - Date.parse(stages[index].opensAt)).toBe(60_000);
    }
  });

  it('writes each window as local time with seconds in the zone of each stage', () => {
    const mixed = structuredClone(PKRI_2024);
    mixed.stages[1].window.zone = 'WIT';
    mixed.stages[2].window.zone = 'WITA';
    const result = compressCalendar(mixed, { startAt: new Date('2026-11-28T16:59:30Z'), stageSeconds: 45 });
    expect(result.stages.slice(0, 3).map((stage) => stage.window)).toEqual([
      { zone: 'WIB', opens: '2026-11-28T23:59:30', closes: '2026-11-29T00:00:15' },
      { zone: 'WIT', opens: '2026-11-29T02:00:15', closes: '2026-11-29T02:01:00' },
      { zone: 'WITA', opens: '2026-11-29T01:01:00', closes: '2026-11-29T01:01:45' },
    ]);
    expect(validateTemplate(result)).toEqual([]);
  });

  it('leaves the template it was given unchanged', () => {
    const before = structuredClone(PKRI_2024);
    compressCalendar(PKRI_2024, { startAt, stageSeconds: 10 });
    expect(PKRI_2024).toEqual(before);
  });

  it('refuses durations that local times with whole seconds cannot express', () => {
    expect(() => compressCalendar(PKRI_2024, { startAt, stageSeconds: 0 })).toThrow(RangeError);
    expect(() => compressCalendar(PKRI_2024, { startAt, stageSeconds: { pendaftaran: 1.5 } })).toThrow(/pendaftaran/);
    expect(() => compressCalendar(PKRI_2024, { startAt, stageSeconds: 10, gapSeconds: -1 })).toThrow(RangeError);
  });
});
