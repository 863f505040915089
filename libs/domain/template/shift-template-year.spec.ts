import { PKRI_2024 } from './builtin/pkri-2024.template';
import { shiftTemplateYear } from './shift-template-year';

describe('shiftTemplateYear', () => {
  it('moves every stage to the new year at the same local date and time', () => {
    const shifted = shiftTemplateYear(PKRI_2024, 2025);
    expect(shifted.year).toBe(2025);
    expect(shifted.stages[0].window).toEqual({ opens: '2025-04-29T00:00', closes: '2025-06-11T23:59', zone: 'WIB' });
    expect(PKRI_2024.stages[0].window.opens).toBe('2024-04-29T00:00');
  });

  it('turns 29 February into 28 February in a common year', () => {
    const leapDay = {
      ...PKRI_2024,
      stages: [
        {
          ...PKRI_2024.stages[0],
          window: { opens: '2024-02-29T08:00', closes: '2024-03-01T08:00', zone: 'WIB' as const },
        },
      ],
    };
    expect(shiftTemplateYear(leapDay, 2025).stages[0].window.opens).toBe('2025-02-28T08:00');
  });
});
