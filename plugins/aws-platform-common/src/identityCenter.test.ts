import { parseJsonListAnnotation } from './identityCenter';

describe('parseJsonListAnnotation', () => {
  it('reads a JSON array, and anything else as empty', () => {
    expect(parseJsonListAnnotation('[{"a":1}]')).toEqual([{ a: 1 }]);
    expect(parseJsonListAnnotation(undefined)).toEqual([]);
    expect(parseJsonListAnnotation('{"a":1}')).toEqual([]);
    expect(parseJsonListAnnotation('not json')).toEqual([]);
  });
});
