import { filterEntities, projectFields } from './catalogQuery.ts';

const account = {
  kind: 'Resource',
  metadata: {
    name: 'prod-1',
    annotations: { 'aws-platform-suite.github.io/ou-path': 'Root/Workloads' },
  },
  spec: {
    type: 'aws-account',
    owner: 'group:default/a',
    summary: { zones: 1 },
  },
};
const ou = {
  kind: 'Resource',
  metadata: { name: 'root' },
  spec: { type: 'aws-organizational-unit' },
};
const zone = {
  kind: 'Resource',
  metadata: { name: 'z' },
  spec: { type: 'dns-zone' },
};

describe('filterEntities', () => {
  it('keeps entities matching any filter, all conditions of one, without case', () => {
    expect(
      filterEntities(
        [account, ou, zone],
        [
          'kind=Resource,spec.type=aws-account',
          'kind=resource,spec.type=aws-organizational-unit',
        ],
      ),
    ).toEqual([account, ou]);
    expect(filterEntities([account, ou], ['kind=Component'])).toEqual([]);
    expect(filterEntities([account, zone], [])).toEqual([account, zone]);
  });

  it('reads annotation keys with dots and checks for existence', () => {
    expect(
      filterEntities(
        [account, ou],
        [
          'metadata.annotations.aws-platform-suite.github.io/ou-path=root/workloads',
        ],
      ),
    ).toEqual([account]);
    expect(
      filterEntities(
        [account, ou],
        ['metadata.annotations.aws-platform-suite.github.io/ou-path'],
      ),
    ).toEqual([account]);
  });
});

describe('projectFields', () => {
  it('keeps only the fields asked for', () => {
    expect(
      projectFields(account, [
        'kind',
        'metadata.name',
        'spec.summary',
        'spec.nope',
      ]),
    ).toEqual({
      kind: 'Resource',
      metadata: { name: 'prod-1' },
      spec: { summary: { zones: 1 } },
    });
  });
});
