import { DomainError, ErrorCode } from '../error-codes';
import { KIPP_2023, PKRI_2024 } from './builtin';
import type { CompetitionTemplate } from './competition-template';
import { plenaryParams } from './stage-params';
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

  it('refuses stages listed out of calendar order', () => {
    const template = variant((t) => {
      t.stages[4].window = { opens: '2024-06-01T09:00', closes: '2024-06-05T14:20', zone: 'WIB' };
    });
    expect(issueAt(template, 'stages[4].window.opens')?.message).toBe(
      'opens before stages[3] closes (opens 1 Jun 2024 09:00 WIB, stages[3] closes 4 Jul 2024 17:00 WIB); ' +
        'stages run in order without overlap',
    );
  });

  it('accepts a stage that opens the moment the previous one closes', () => {
    const template = variant((t) => (t.stages[2].window.opens = t.stages[1].window.closes));
    expect(validateTemplate(template)).toEqual([]);
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

  it('allows exactly one submission stage', () => {
    const template = variant((t) => ((t.stages[1] as { type: string }).type = 'submission'));
    expect(issueAt(template, 'stages[1].type')?.message).toMatch(/one submission stage/);
  });

  it('checks the template-level fields and refuses unknown or repeated clusters', () => {
    const template = variant((t) => {
      t.programme = 'PKRI';
      t.year = 2024.5;
      t.name = ' ';
      (t.clusters as string[]) = ['kota', 'desa', 'kota'];
    });
    const paths = validateTemplate(template).map((issue) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['programme', 'year', 'name', 'clusters[1]', 'clusters']));
  });

  it('refuses repeated keys, an empty rubric, a negative weight and an inverted scale', () => {
    const template = variant((t) => {
      t.stages[6].key = t.stages[5].key;
      t.groups[2].key = 'pembina';
      t.rubrics[1].key = 'inovasi';
      t.rubrics[0].criteria[1] = {
        ...t.rubrics[0].criteria[1],
        key: 'kebaruan',
        weight: -20,
        scale: { min: 5, max: 1 },
      };
    });
    const issues = validateTemplate(template);
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'stages', message: 'stage key "sidang-pleno" is used twice' },
        { path: 'groups', message: 'group key "pembina" is used twice' },
        { path: 'rubrics', message: 'rubric key "inovasi" is used twice' },
        { path: 'rubrics[0].criteria', message: 'criterion key "kebaruan" is used twice' },
        { path: 'rubrics[0].criteria[1].weight', message: 'must be a number of at least 0 (percent)' },
        { path: 'rubrics[0].criteria[1].scale', message: 'must be { min, max } with min below max' },
      ]),
    );
    expect(
      issueAt(
        variant((t) => (t.rubrics[1].criteria = [])),
        'rubrics[1].criteria',
      ),
    ).toBeDefined();
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
      t.stages[0].params = {
        minInnovationAgeYears: -1,
        colour: 'blue',
        draftReminderHoursBefore: 'soon',
        refuseEarlierTopTierWinners: 'yes',
        maxEarlierFinalistTimes: 1.5,
      };
    });
    expect(issueAt(template, 'stages[0].params.colour')?.message).toBe(
      '"colour" is not a parameter of submission stages; use minInnovationAgeYears, minEvidenceLinks, maxEvidenceLinks, maxSummaryLength, draftReminderHoursBefore, refuseEarlierTopTierWinners, maxEarlierFinalistTimes',
    );
    expect(issueAt(template, 'stages[0].params.refuseEarlierTopTierWinners')?.message).toBe('must be true or false');
    expect(issueAt(template, 'stages[0].params.maxEarlierFinalistTimes')?.message).toMatch(
      /^must be a whole number \(0 or more, such as 1\) of earlier years on the final list .*, not 1\.5; leave it out for no limit$/,
    );
    const negative = variant((t) => (t.stages[0].params = { maxEarlierFinalistTimes: -1 }));
    expect(issueAt(negative, 'stages[0].params.maxEarlierFinalistTimes')).toBeDefined();
    const set = variant(
      (t) => (t.stages[0].params = { refuseEarlierTopTierWinners: false, maxEarlierFinalistTimes: 0 }),
    );
    expect(validateTemplate(set)).toEqual([]);
    expect(issueAt(template, 'stages[0].params.minInnovationAgeYears')?.message).toMatch(/at least 0/);
    expect(issueAt(template, 'stages[0].params.draftReminderHoursBefore')?.message).toMatch(
      /hours before the deadline/,
    );
  });

  it('checks each stage type against its own parameters', () => {
    const template = variant((t) => {
      t.stages[3].params = { passingGrade: 101, quotaPerCluster: 0 };
      t.stages[1].params = { defaultOutcome: 'maybe' };
      t.stages[6].params = { topN: 3 };
    });
    expect(issueAt(template, 'stages[3].params.passingGrade')?.message).toBe('must be a number from 0 to 100');
    expect(issueAt(template, 'stages[3].params.quotaPerCluster')?.message).toBe('must be an integer of at least 1');
    expect(issueAt(template, 'stages[1].params.defaultOutcome')?.message).toBe('must be one of pass, fail');
    expect(issueAt(template, 'stages[6].params.topN')?.message).toBe(
      '"topN" is not a parameter of announcement stages (they take none)',
    );
  });

  it('checks the plenary’s weights: they add up to 100 and weigh only scores the cycle has', () => {
    const off = variant((t) => {
      t.stages[5].params = { deskWeight: 30, interviewWeight: 60 };
    });
    expect(issueAt(off, 'stages[5].params')?.message).toBe('weights must add up to 100 (they add up to 90)');
    const verification = variant((t) => {
      t.stages[5].params = { deskWeight: 30, interviewWeight: 50, fieldVerificationWeight: 20 };
    });
    expect(issueAt(verification, 'stages[5].params')?.message).toMatch(
      /no field verification, so its weight must be 0/,
    );
    const interviewless = variant((t) => {
      t.stages.splice(4, 1);
      t.stages[4].params = { deskWeight: 40, interviewWeight: 60 };
    });
    expect(issueAt(interviewless, 'stages[4].params.interviewWeight')?.message).toBe(
      'the cycle has no interview stage, so its weight must be 0',
    );
    expect(plenaryParams({}, ['submission', 'interview', 'plenary']).weights).toEqual({
      desk: 40,
      interview: 60,
      fieldVerification: 0,
    });
    expect(plenaryParams({ deskWeight: 100 }, ['submission', 'interview', 'plenary']).weights.interview).toBe(0);
  });

  it('allows one plenary and one announcement after it', () => {
    const twice = variant((t) => {
      t.stages[6] = { ...t.stages[5], key: 'sidang-kedua', window: t.stages[6].window };
    });
    expect(issueAt(twice, 'stages[6].type')?.message).toMatch(/one plenary stage/);
    const early = variant((t) => {
      t.stages[5] = { ...t.stages[6], key: 'pengumuman-awal', window: t.stages[5].window };
      t.stages[6] = { ...t.stages[5], type: 'plenary', key: 'sidang-pleno', params: {}, window: t.stages[6].window };
    });
    expect(issueAt(early, 'stages[5].type')?.message).toBe(
      'the announcement comes after the plenary whose decision it announces',
    );
  });

  it('checks an interview stage’s calendar, policies and rubric', () => {
    const template = variant((t) => {
      t.stages[4].params = {
        dayStart: '14:30',
        dayEnd: '09:00',
        breaks: '12:00-11:00',
        agencyHours: '07:00-12:00,13:00-17:00',
        skipDays: '2024-07-15,17 Agustus',
        unconfirmed: 'forget',
        rubric: 'wawancara',
        slotMinutes: 3,
      };
    });
    expect(issueAt(template, 'stages[4].params.dayEnd')?.message).toBe(
      "the panels' day must end after it starts (14:30)",
    );
    expect(issueAt(template, 'stages[4].params.breaks')?.message).toMatch(/"12:00-13:00"/);
    expect(issueAt(template, 'stages[4].params.agencyHours')?.message).toBe(
      'must be one local span such as "07:00-17:00"',
    );
    expect(issueAt(template, 'stages[4].params.skipDays')?.message).toMatch(/"2024-08-17"/);
    expect(issueAt(template, 'stages[4].params.unconfirmed')?.message).toBe('must be one of keep, release');
    expect(issueAt(template, 'stages[4].params.rubric')?.message).toBe(
      '"wawancara" is not a rubric of this template; use inovasi, pembina',
    );
    expect(issueAt(template, 'stages[4].params.slotMinutes')?.message).toBe('must be an integer of at least 5');
  });

  it('takes an interview slot length in whole seconds, given once', () => {
    const valid = variant((t) => {
      t.stages[4].params = { slotSeconds: 30 };
    });
    expect(validateTemplate(valid)).toEqual([]);
    const short = variant((t) => {
      t.stages[4].params = { slotSeconds: 5 };
    });
    expect(issueAt(short, 'stages[4].params.slotSeconds')?.message).toBe('must be an integer of at least 10');
    const twice = variant((t) => {
      t.stages[4].params = { slotMinutes: 20, slotSeconds: 30 };
    });
    expect(issueAt(twice, 'stages[4].params.slotSeconds')?.message).toBe(
      'give the slot length once: slotMinutes or slotSeconds, not both',
    );
  });

  it('answers hostile JSON with issues instead of throwing', () => {
    const template = JSON.parse(JSON.stringify(PKRI_2024));
    template.stages[0].params = JSON.parse('{"__proto__": 1, "toString": 2}');
    template.stages[1].type = { toString: 1 };
    template.stages[2].window.zone = 'constructor';
    const paths = validateTemplate(template).map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'stages[0].params.__proto__',
        'stages[0].params.toString',
        'stages[1].type',
        'stages[2].window.zone',
      ]),
    );
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
  it('names the first fields in its message', () => {
    const template = variant((t) => (t.stages[2].window.opens = '2024-06-15T08:00'));
    expect(() => assertValidTemplate(template)).toThrow(
      /^Template is invalid: stages\[2\]\.window\.opens: opens before stages\[1\] closes \(/,
    );
  });

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
