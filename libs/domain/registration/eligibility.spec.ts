import { eligibilityIssues, type EntryDocument } from './eligibility';

const deadline = new Date('2024-06-11T16:59:00Z');
const own = { key: 'keberlanjutan', name: 'Keberlanjutan', rubric: 'inovasi' };
const replication = { key: 'replikasi', name: 'Replikasi', rubric: 'inovasi', replication: true };
const document: EntryDocument = {
  title: 'Siswa Asuh Sebaya',
  summary: 'Siswa membantu biaya sekolah teman.',
  launchDate: '2011-07-01',
  evidenceLinks: ['https://banyuwangikab.go.id/sas'],
};

describe('eligibilityIssues', () => {
  it('accepts an entry that meets every rule', () => {
    expect(eligibilityIssues({ minInnovationAgeYears: 2, minEvidenceLinks: 1 }, own, document, deadline)).toEqual([]);
  });

  it('counts the minimum age at the deadline, to the day', () => {
    const params = { minInnovationAgeYears: 2 };
    expect(eligibilityIssues(params, own, { ...document, launchDate: '2022-06-11' }, deadline)).toEqual([]);
    expect(eligibilityIssues(params, own, { ...document, launchDate: '2022-06-12' }, deadline)).toEqual([
      expect.objectContaining({ path: 'launchDate', message: expect.stringContaining('on or before 2022-06-11') }),
    ]);
  });

  it('refuses a launch after the deadline and a date that is not one', () => {
    expect(eligibilityIssues({}, own, { ...document, launchDate: '2025-01-01' }, deadline)[0].path).toBe('launchDate');
    expect(eligibilityIssues({}, own, { ...document, launchDate: '2024-13-45' }, deadline)[0].path).toBe('launchDate');
  });

  it('requires an original for a replication and refuses one otherwise', () => {
    expect(eligibilityIssues({}, replication, document, deadline)).toEqual([
      expect.objectContaining({ path: 'replicatesEntryId' }),
    ]);
    const copy = { ...document, replicatesEntryId: '6f1e2a4c-0000-4000-8000-000000000001' };
    expect(eligibilityIssues({}, replication, copy, deadline)).toEqual([]);
    expect(eligibilityIssues({}, own, copy, deadline)[0].path).toBe('replicatesEntryId');
  });

  it('applies the evidence and summary sizes of the template', () => {
    const params = { minEvidenceLinks: 2, maxSummaryLength: 100 };
    const paths = eligibilityIssues(params, own, { ...document, summary: 'x'.repeat(101) }, deadline).map(
      (i) => i.path,
    );
    expect(paths).toEqual(['evidenceLinks', 'summary']);
  });
});
