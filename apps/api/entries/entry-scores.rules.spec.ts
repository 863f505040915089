import { ROLES, type Role } from '../../../libs/domain';
import { meanScores, stageScoresVisibleTo, type StageForScores } from './entry-scores.rules';

describe('stageScoresVisibleTo', () => {
  const desk = (status: StageForScores['status'], showScoresToAgency?: boolean | string): StageForScores => ({
    type: 'desk-evaluation',
    status,
    params: showScoresToAgency === undefined ? {} : { showScoresToAgency },
  });
  const readers = (stage: StageForScores) => ROLES.filter((role: Role) => stageScoresVisibleTo(role, stage));

  it('lets an agency and its units read a closed stage the template shows, and admins and auditors every stage', () => {
    expect(readers(desk('closed', true))).toEqual(['admin', 'agency', 'agency-unit', 'auditor']);
    expect(readers(desk('closed', 'true'))).toEqual(['admin', 'agency', 'agency-unit', 'auditor']);
    expect(readers({ type: 'interview', status: 'closed', params: { showScoresToAgency: true } })).toEqual([
      'admin',
      'agency',
      'agency-unit',
      'auditor',
    ]);
  });

  it('never shows an agency a stage still scoring, nor one the template does not show', () => {
    expect(readers(desk('open', true))).toEqual(['admin', 'auditor']);
    expect(readers(desk('pending', true))).toEqual(['admin', 'auditor']);
    expect(readers(desk('closed'))).toEqual(['admin', 'auditor']);
    expect(readers(desk('closed', false))).toEqual(['admin', 'auditor']);
    expect(readers(desk('closed', 'false'))).toEqual(['admin', 'auditor']);
  });

  it('has no scores to show for a stage without score sheets', () => {
    expect(readers({ type: 'selection', status: 'closed', params: { showScoresToAgency: true } })).toEqual([]);
  });
});

describe('meanScores', () => {
  const criteria = [
    { key: 'kebaruan', name: 'Kebaruan' },
    { key: 'efektivitas', name: 'Efektivitas' },
  ];

  it('averages the weighted score and each criterion, in the rubric’s order, to two decimals', () => {
    expect(
      meanScores(criteria, [
        { scores: { efektivitas: 70, kebaruan: 80 }, weighted: 74 },
        { scores: { efektivitas: 61, kebaruan: 55 }, weighted: 58.4 },
        { scores: { efektivitas: 90, kebaruan: 60 }, weighted: 78 },
      ]),
    ).toEqual({
      sheets: 3,
      weighted: 70.13,
      criteria: [
        { key: 'kebaruan', name: 'Kebaruan', mean: 65 },
        { key: 'efektivitas', name: 'Efektivitas', mean: 73.67 },
      ],
    });
  });

  it('is nothing without sheets', () => {
    expect(meanScores(criteria, [])).toBeUndefined();
  });
});
