import { DomainError } from '../../../libs/domain';
import { PlainInputPipe } from './plain-input.pipe';

describe('PlainInputPipe', () => {
  const pipe = new PlainInputPipe();
  const refusal = (value: unknown) => {
    try {
      pipe.transform(value, { type: 'body' });
      return undefined;
    } catch (error) {
      return error instanceof DomainError ? error.details : error;
    }
  };

  it('refuses keys that shadow built-in object properties, and "prototype", naming where they are', () => {
    expect(refusal(JSON.parse('{"definition":{"stages":[{"params":{"prototype":1}}]}}'))).toEqual([
      { path: 'definition.stages[0].params.prototype', message: 'is not a known field' },
    ]);
    expect(refusal(JSON.parse('{"constructor":{"name":"x"}}'))).toEqual([
      { path: 'constructor', message: 'is not a known field' },
    ]);
  });

  it('lets ordinary bodies through unchanged, and refuses the NUL character', () => {
    const body = { title: 'Siswa Asuh Sebaya', params: { minEvidenceLinks: 1 } };
    expect(pipe.transform(body, { type: 'body' })).toBe(body);
    expect(refusal({ title: 'a\u0000b' })).toEqual([{ path: 'title', message: 'must not contain the NUL character' }]);
  });
});
