import { PKRI_2024 } from './builtin';
import type { CompetitionTemplate, StageParams } from './competition-template';
import { showsScoresToAgency } from './stage-params';
import { validateTemplate } from './validate-template';

/** PKRI 2024 with `showScoresToAgency` set on the stage of that type. */
function withParam(type: 'desk-evaluation' | 'interview' | 'selection', value: unknown) {
  const template: CompetitionTemplate = structuredClone(PKRI_2024);
  const index = template.stages.findIndex((stage) => stage.type === type);
  template.stages[index].params = { ...template.stages[index].params, showScoresToAgency: value as boolean };
  return { template, path: `stages[${index}].params.showScoresToAgency` };
}

describe('showScoresToAgency', () => {
  it.each([true, false, 'true', 'false'])('is a parameter of desk evaluation and interview stages: %p', (value) => {
    expect(validateTemplate(withParam('desk-evaluation', value).template)).toEqual([]);
    expect(validateTemplate(withParam('interview', value).template)).toEqual([]);
  });

  it.each(['yes', 1, 'TRUE', ''])('refuses %p, saying what it must be', (value) => {
    const { template, path } = withParam('desk-evaluation', value);
    const issues = validateTemplate(template).filter((issue) => issue.path === path);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(
      /^must be true or false \(whether agencies see their mean scores of this stage once it has closed\), not /,
    );
  });

  it('is not a parameter of stages without scores', () => {
    const { template, path } = withParam('selection', true);
    expect(validateTemplate(template).find((issue) => issue.path === path)?.message).toMatch(
      /"showScoresToAgency" is not a parameter of selection stages/,
    );
  });

  it('shows scores only when the template says true', () => {
    const shows = (params?: StageParams) => showsScoresToAgency(params);
    expect(shows()).toBe(false);
    expect(shows({})).toBe(false);
    expect(shows({ showScoresToAgency: false })).toBe(false);
    expect(shows({ showScoresToAgency: 'false' })).toBe(false);
    expect(shows({ showScoresToAgency: true })).toBe(true);
    expect(shows({ showScoresToAgency: 'true' })).toBe(true);
  });
});
