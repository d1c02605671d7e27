import { commonNamePrefix } from './namePrefix';

describe('commonNamePrefix', () => {
  it.each([
    [['Umbrella Log-archive', 'Umbrella Audit', 'Umbrella Prod'], 'Umbrella '],
    [['hooli-media-dev', 'hooli-media-prod', 'hooli-network'], 'hooli-'],
    [
      ['Initech Payments Sandbox', 'Initech Payments Prod'],
      'Initech Payments ',
    ],
  ])('finds the shared words of %j', (names, prefix) => {
    expect(commonNamePrefix(names)).toBe(prefix);
  });

  it.each([
    [['Management', 'Log Archive', 'Audit']],
    [['Sandbox']],
    [[]],
    // Shared letters that end inside a word are not a prefix.
    [['Production', 'Product-analytics']],
    // Leaving a name with under three letters.
    [['acme-dev', 'acme-db']],
    [['acme', 'acme-dev']],
  ])('finds none in %j', names => {
    expect(commonNamePrefix(names)).toBe('');
  });
});
