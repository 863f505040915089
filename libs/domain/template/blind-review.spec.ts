import { PKRI_2024 } from './builtin';
import type { CompetitionTemplate } from './competition-template';
import { blindReviewOf, deskParams } from './stage-params';
import { validateTemplate } from './validate-template';

/** PKRI 2024 with `blindReview` set on the stage of that type. */
function withParam(type: 'desk-evaluation' | 'interview', value: unknown) {
  const template: CompetitionTemplate = structuredClone(PKRI_2024);
  const index = template.stages.findIndex((stage) => stage.type === type);
  template.stages[index].params = { ...template.stages[index].params, blindReview: value as boolean };
  return { template, path: `stages[${index}].params.blindReview` };
}

describe('blindReview', () => {
  it.each([true, false])('is a parameter of desk evaluation stages: %p', (value) => {
    expect(validateTemplate(withParam('desk-evaluation', value).template)).toEqual([]);
  });

  it.each(['true', 1, 'yes', null])('refuses %p, saying what it must be', (value) => {
    const { template, path } = withParam('desk-evaluation', value);
    const issues = validateTemplate(template).filter((issue) => issue.path === path);
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/^must be true or false \(whether evaluators read entries without their agency/);
  });

  it('is not a parameter of other stages', () => {
    const { template, path } = withParam('interview', true);
    expect(validateTemplate(template).find((issue) => issue.path === path)?.message).toMatch(
      /"blindReview" is not a parameter of interview stages/,
    );
  });

  it('makes a cycle blind for its evaluators only when a desk stage says true', () => {
    expect(deskParams({}).blindReview).toBe(false);
    expect(deskParams({ blindReview: true }).blindReview).toBe(true);
    expect(blindReviewOf(PKRI_2024)).toBe(false);
    expect(blindReviewOf(withParam('desk-evaluation', false).template)).toBe(false);
    expect(blindReviewOf(withParam('desk-evaluation', true).template)).toBe(true);
    // Another stage type's parameter of that name (refused by validation) never blinds a cycle.
    expect(blindReviewOf(withParam('interview', true).template)).toBe(false);
  });
});
