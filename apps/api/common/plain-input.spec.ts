import { plainInputProblems } from './plain-input';

describe('plainInputProblems', () => {
  it('refuses keys that shadow built-in object properties, and "prototype", naming where they are', () => {
    expect(plainInputProblems(JSON.parse('{"definition":{"stages":[{"params":{"prototype":1}}]}}'))).toEqual([
      { path: 'definition.stages[0].params.prototype', message: 'is not a known field' },
    ]);
    expect(plainInputProblems(JSON.parse('{"constructor":{"name":"x"}}'))).toEqual([
      { path: 'constructor', message: 'is not a known field' },
    ]);
  });

  it('finds nothing in an ordinary body, and refuses the NUL character', () => {
    expect(plainInputProblems({ title: 'Siswa Asuh Sebaya', params: { minEvidenceLinks: 1 } })).toEqual([]);
    expect(plainInputProblems({ title: 'a\u0000b' })).toEqual([
      { path: 'title', message: 'must not contain the NUL character' },
    ]);
  });
});
