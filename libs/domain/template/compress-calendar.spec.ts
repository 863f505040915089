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
});
