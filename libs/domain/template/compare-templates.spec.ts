import { PKRI_2024 } from './builtin';
import { compareTemplates } from './compare-templates';
import type { CompetitionTemplate } from './competition-template';

function variant(change: (template: CompetitionTemplate) => void): CompetitionTemplate {
  const template = structuredClone(PKRI_2024);
  change(template);
  return template;
}

const stage = (template: CompetitionTemplate, key: string) => template.stages.find((s) => s.key === key)!;
const rubric = (template: CompetitionTemplate, key: string) => template.rubrics.find((r) => r.key === key)!;

describe('compareTemplates', () => {
  it('finds nothing between identical definitions, whatever the key order of their objects', () => {
    const reordered = variant(
      (t) => (t.stages[0].window = { zone: 'WIB', closes: '2024-06-11T23:59', opens: '2024-04-29T00:00' }),
    );
    expect(compareTemplates(PKRI_2024, structuredClone(PKRI_2024))).toEqual([]);
    expect(compareTemplates(PKRI_2024, reordered)).toEqual([]);
  });

  it('names a stage by its key, not its position', () => {
    const after = variant((t) => (stage(t, 'evaluasi-desk').window.closes = '2024-07-05T23:59'));
    expect(compareTemplates(PKRI_2024, after)).toEqual([
      {
        path: 'stages[evaluasi-desk].window.closes',
        change: 'changed',
        before: '2024-07-02T23:59',
        after: '2024-07-05T23:59',
      },
    ]);
  });

  it('names a criterion inside a rubric by both keys', () => {
    const after = variant((t) => {
      rubric(t, 'inovasi').criteria = rubric(t, 'inovasi').criteria.map((c) => ({ ...c }));
      rubric(t, 'inovasi').criteria[0].weight = 25;
      rubric(t, 'inovasi').criteria[1].weight = 15;
    });
    expect(compareTemplates(PKRI_2024, after)).toEqual([
      { path: 'rubrics[inovasi].criteria[kebaruan].weight', change: 'changed', before: 20, after: 25 },
      { path: 'rubrics[inovasi].criteria[efektivitas].weight', change: 'changed', before: 20, after: 15 },
    ]);
  });

  it('reports added and removed fields and stages, removals last', () => {
    const after = variant((t) => {
      t.stages = t.stages.filter((s) => s.key !== 'penetapan-finalis');
      delete stage(t, 'wawancara').params;
      stage(t, 'sidang-pleno').params!.topN = 10;
      delete t.groups[2].replication;
      t.stages.splice(5, 0, {
        key: 'verifikasi-lapangan',
        type: 'field-verification',
        name: 'Verifikasi Lapangan',
        window: { opens: '2024-07-20T08:00', closes: '2024-07-21T17:00', zone: 'WITA' },
      });
    });
    expect(compareTemplates(PKRI_2024, after)).toEqual([
      { path: 'stages[sidang-pleno].params.topN', change: 'added', after: 10 },
      { path: 'stages[verifikasi-lapangan]', change: 'added', after: stage(after, 'verifikasi-lapangan') },
      { path: 'groups[replikasi].replication', change: 'removed', before: true },
      { path: 'stages[penetapan-finalis]', change: 'removed', before: stage(PKRI_2024, 'penetapan-finalis') },
      { path: 'stages[wawancara].params', change: 'removed', before: stage(PKRI_2024, 'wawancara').params },
    ]);
  });

  it('reports a reordered keyed list once, with the key order before and after', () => {
    const after = variant((t) => {
      t.groups.reverse();
      t.groups[0].name = 'Replikasi';
    });
    expect(compareTemplates(PKRI_2024, after)).toEqual([
      {
        path: 'groups',
        change: 'changed',
        before: ['pembina', 'keberlanjutan', 'replikasi'],
        after: ['replikasi', 'keberlanjutan', 'pembina'],
      },
      { path: 'groups[replikasi].name', change: 'changed', before: 'Replikasi Inovasi', after: 'Replikasi' },
    ]);
  });

  it('does not call an insertion or a removal a reordering', () => {
    const after = variant((t) => {
      t.groups.splice(1, 1);
      t.groups.unshift({ key: 'khusus', name: 'Kelompok Khusus', rubric: 'inovasi' });
    });
    expect(compareTemplates(PKRI_2024, after).map(({ path, change }) => [path, change])).toEqual([
      ['groups[khusus]', 'added'],
      ['groups[keberlanjutan]', 'removed'],
    ]);
  });

  it('compares a list of scalars as one value', () => {
    const after = variant((t) => (t.clusters = ['kabupaten', 'kota']));
    expect(compareTemplates(PKRI_2024, after)).toEqual([
      { path: 'clusters', change: 'changed', before: PKRI_2024.clusters, after: ['kabupaten', 'kota'] },
    ]);
  });

  it('compares a list whose items repeat a key as one value', () => {
    const before = { groups: [{ key: 'a' }, { key: 'a' }] };
    const after = { groups: [{ key: 'a' }, { key: 'b' }] };
    expect(compareTemplates(before, after)).toEqual([
      { path: 'groups', change: 'changed', before: before.groups, after: after.groups },
    ]);
  });

  it('matches keyed items against an empty list', () => {
    expect(compareTemplates({ stages: [] }, { stages: [{ key: 'pendaftaran' }] })).toEqual([
      { path: 'stages[pendaftaran]', change: 'added', after: { key: 'pendaftaran' } },
    ]);
  });

  it('reports a change of kind as a change of the whole value', () => {
    const before = { year: 2024, stages: [{ key: 'a', params: { topN: 3 } }] };
    const after = { year: '2024', stages: [{ key: 'a', params: null }] };
    expect(compareTemplates(before, after)).toEqual([
      { path: 'year', change: 'changed', before: 2024, after: '2024' },
      { path: 'stages[a].params', change: 'changed', before: { topN: 3 }, after: null },
    ]);
  });

  it('compares whole inputs that are not objects without throwing', () => {
    expect(compareTemplates(null, PKRI_2024)).toEqual([
      { path: '(template)', change: 'changed', before: null, after: PKRI_2024 },
    ]);
    expect(compareTemplates('x', 'x')).toEqual([]);
    const hostile = JSON.parse('{"__proto__":{"key":1},"toString":2,"stages":[{"key":"a","valueOf":3}]}');
    expect(() => compareTemplates(hostile, PKRI_2024)).not.toThrow();
    expect(compareTemplates(hostile, JSON.parse(JSON.stringify(hostile)))).toEqual([]);
  });
});
