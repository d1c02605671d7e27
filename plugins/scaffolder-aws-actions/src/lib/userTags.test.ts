import { checkUserTags } from './userTags';

describe('checkUserTags', () => {
  it('keeps valid tags', () => {
    expect(checkUserTags({ team: 'payments', 'cost-center': '42' }, 8)).toEqual(
      { team: 'payments', 'cost-center': '42' },
    );
  });

  it.each([
    ['owner'],
    ['Owner'],
    [' OWNER '],
    ['aws-platform-suite.github.io/lineage'],
    ['AWS-Platform.io/managed-by'],
    ['aws:cloudformation:stack-name'],
  ])('refuses the reserved key %j', key => {
    expect(() => checkUserTags({ [key]: 'x' }, 8)).toThrow(/tags may not set/);
  });

  it.each([
    [{ 'a\u2028b': 'x' }, 'is not a valid AWS tag key'],
    [{ '': 'x' }, 'is not a valid AWS tag key'],
    [{ team: 'a\nb' }, 'is not a valid AWS tag value'],
    [{ team: 'a\u2029b' }, 'is not a valid AWS tag value'],
    [{ team: 5 }, 'is not a valid AWS tag value'],
    [[], 'tags must be an object'],
    [null, 'tags must be an object'],
  ])('refuses %j', (tags, reason) => {
    expect(() => checkUserTags(tags, 8)).toThrow(reason);
  });

  it('refuses more tags than allowed', () => {
    const many = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']),
    );
    expect(() => checkUserTags(many, 8)).toThrow(
      'At most 8 tags may be given; got 9',
    );
  });
});
