import { DomainError, ErrorCode } from '../error-codes';
import { KIPP_2023, PKRI_2024 } from './builtin';
import type { CompetitionTemplate } from './competition-template';
import { assertValidTemplate, validateTemplate } from './validate-template';

function variant(change: (template: CompetitionTemplate) => void): CompetitionTemplate {
  const template = structuredClone(PKRI_2024);
  change(template);
  return template;
}

function issueAt(template: unknown, path: string) {
  return validateTemplate(template).find((issue) => issue.path === path);
}

describe('validateTemplate', () => {
  it.each([PKRI_2024, KIPP_2023])('accepts the built-in $key', (template) => {
    expect(validateTemplate(template)).toEqual([]);
  });

  it('refuses a stage that opens before the previous one closes, naming the stage', () => {
    const template = variant((t) => (t.stages[2].window.opens = '2024-06-15T08:00'));
    expect(issueAt(template, 'stages[2].window.opens')?.message).toMatch(/opens before stages\[1\] closes/);
  });

  it('compares windows across zones as instants', () => {
    // 09:00 WIT is 07:00 WIB, before the WIB stage before it closes at 08:00 WIB.
    const template = variant((t) => {
      t.stages[1].window = { opens: '2024-06-12T08:00', closes: '2024-06-18T08:00', zone: 'WIB' };
      t.stages[2].window = { opens: '2024-06-18T09:00', closes: '2024-07-02T23:59', zone: 'WIT' };
    });
    expect(issueAt(template, 'stages[2].window.opens')).toBeDefined();
  });

  it('refuses a window that closes before it opens', () => {
    const template = variant((t) => (t.stages[0].window.closes = '2024-04-01T00:00'));
    expect(issueAt(template, 'stages[0].window.closes')?.message).toMatch(/not after it opens/);
  });

  it('refuses an unknown stage type and lists the known ones', () => {
    const template = variant((t) => ((t.stages[3] as { type: string }).type = 'lottery'));
    expect(issueAt(template, 'stages[3].type')?.message).toMatch(
      /"lottery" is not a stage type; use submission, screening/,
    );
  });

  it('refuses rubric weights that do not sum to 100 and says the sum', () => {
    const template = variant((t) => (t.rubrics[0].criteria[0].weight = 15));
    expect(issueAt(template, 'rubrics[0].criteria')?.message).toBe('weights sum to 95, must sum to 100');
  });

  it('refuses a group whose rubric does not exist', () => {
    const template = variant((t) => (t.groups[1].rubric = 'missing'));
    expect(issueAt(template, 'groups[1].rubric')?.message).toMatch(/"missing" is not a rubric/);
  });

  it('requires the first stage to be the submission stage', () => {
    const template = variant((t) => t.stages.shift());
    expect(issueAt(template, 'stages[0].type')?.message).toMatch(/first stage must be the submission stage/);
  });

  it('refuses an unknown zone and an impossible date', () => {
    const template = variant((t) => {
      (t.stages[4].window as { zone: string }).zone = 'UTC';
      t.stages[5].window.opens = '2024-02-30T09:00';
    });
    expect(issueAt(template, 'stages[4].window.zone')?.message).toMatch(/use WIB, WITA, WIT/);
    expect(issueAt(template, 'stages[5].window.opens')).toBeDefined();
  });

  it('refuses parameters a stage type does not have, and bad values of those it has', () => {
    const template = variant((t) => {
      t.stages[0].params = { minInnovationAgeYears: -1, colour: 'blue' };
    });
    expect(issueAt(template, 'stages[0].params.colour')?.message).toMatch(/not a parameter of submission stages/);
    expect(issueAt(template, 'stages[0].params.minInnovationAgeYears')?.message).toMatch(/at least 0/);
  });

  it('reports every problem at once, not only the first', () => {
    const template = variant((t) => {
      t.key = 'Not A Slug';
      t.year = 1999;
      t.clusters = [];
    });
    expect(validateTemplate(template).map((issue) => issue.path)).toEqual(
      expect.arrayContaining(['key', 'year', 'clusters']),
    );
  });

  it('answers a non-object with one issue instead of throwing', () => {
    expect(validateTemplate('pkri')).toEqual([{ path: '(template)', message: 'must be an object' }]);
  });
});

describe('assertValidTemplate', () => {
  it('throws TEMPLATE.INVALID naming the fields, with every issue in the details', () => {
    const template = variant((t) => (t.rubrics[1].criteria[0].weight = 0));
    let thrown: unknown;
    try {
      assertValidTemplate(template);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe(ErrorCode.TemplateInvalid);
    expect((thrown as DomainError).message).toContain('rubrics[1].criteria: weights sum to 75');
    expect((thrown as DomainError).details).toEqual([
      { path: 'rubrics[1].criteria', message: 'weights sum to 75, must sum to 100' },
    ]);
  });

  it('returns a valid template unchanged', () => {
    expect(assertValidTemplate(KIPP_2023)).toBe(KIPP_2023);
  });
});
