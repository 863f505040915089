import type { CompetitionTemplate } from './competition-template';

/**
 * The same template for another year: every stage keeps its local date and time, moved to that year (29 February
 * becomes 28 February in a common year). How a yearly repetition reuses last year's calendar.
 */
export function shiftTemplateYear(template: CompetitionTemplate, year: number): CompetitionTemplate {
  const delta = year - template.year;
  const shift = (local: string) => {
    const moved = `${Number(local.slice(0, 4)) + delta}`.padStart(4, '0') + local.slice(4);
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return moved.slice(5, 10) === '02-29' && !leap(Number(moved.slice(0, 4)))
      ? moved.replace('-02-29', '-02-28')
      : moved;
  };
  return {
    ...template,
    year,
    stages: template.stages.map((stage) => ({
      ...stage,
      window: { ...stage.window, opens: shift(stage.window.opens), closes: shift(stage.window.closes) },
    })),
  };
}
