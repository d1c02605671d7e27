import { Entity } from '@backstage/catalog-model';
import {
  AccountFlowType,
  ACCOUNT_FLOWS,
} from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import {
  accountEntity,
  largeOrganization,
  referenceOrganization,
} from '../__fixtures__/organizationEntities';
import { defaultCollapsedGroups } from './defaultCollapse';
import { summarizeGroups } from './groupSummaries';
import { filterAccounts, NO_MAP_FILTER } from './mapFilter';
import {
  buildFlowEdges,
  DEFAULT_FLOW_TYPES,
  flowsOfAccount,
  FLOW_TYPES,
  MAP_FLOWS,
  nodeResolvers,
} from './mapFlows';
import { layoutAccountMap } from './mapLayout';
import { buildAccountMapModel } from './mapModel';

// Account entities are named by id; the title only documents the fixture.
const ref = (_title: string, id: string) => `resource:default/account-${id}`;
const OPERATIONS = ref('Operations', '444444444444');
const PRODUCTION = ref('Production', '777777777777');
const SANDBOX = ref('Sandbox', '888888888888');
const LOG_ARCHIVE = ref('Log Archive', '111111111111');
const NETWORK = ref('Network', '555555555555');
const BACKUP = ref('Backup', '666666666666');

function setup(entities: Entity[], collapsed?: Set<string>) {
  const model = buildAccountMapModel(entities);
  const visible = filterAccounts(model, NO_MAP_FILTER);
  const summaries = summarizeGroups(model, visible, { keepEmpty: true });
  const layout = layoutAccountMap({
    model,
    visible,
    summaries,
    collapsed: collapsed ?? defaultCollapsedGroups(model, summaries),
    width: 1200,
  });
  const edges = (
    options: {
      types?: ReadonlySet<AccountFlowType>;
      maxEdges?: number;
      touching?: string;
    } = {},
  ) =>
    buildFlowEdges({
      model,
      visible,
      types: options.types ?? DEFAULT_FLOW_TYPES,
      levels: nodeResolvers(model, layout),
      maxEdges: options.maxEdges ?? 150,
      touching: options.touching,
    });
  return { model, visible, layout, edges };
}

describe('MAP_FLOWS', () => {
  it('are the guide flows plus production flows for generic workload accounts', () => {
    expect(MAP_FLOWS.slice(0, ACCOUNT_FLOWS.length)).toEqual(ACCOUNT_FLOWS);
    expect(MAP_FLOWS).toContainEqual(
      expect.objectContaining({
        from: 'operations',
        to: 'workload',
        type: 'deploys-to',
      }),
    );
    expect(new Set(MAP_FLOWS.map(f => f.type))).toEqual(new Set(FLOW_TYPES));
  });
});

describe('buildFlowEdges', () => {
  it('draws account-to-account lines in a small organization', () => {
    const { edges } = setup(referenceOrganization());
    const { edges: lines, level } = edges();
    expect(level).toBe(0);
    const of = (type: string) =>
      lines
        .filter(e => e.type === type)
        .map(e => `${e.from} > ${e.to}`)
        .sort();
    expect(of('deploys-to')).toEqual(
      [
        `a:${OPERATIONS} > a:${PRODUCTION}`,
        `a:${OPERATIONS} > a:${SANDBOX}`,
      ].sort(),
    );
    expect(of('ships-cloudtrail-to')).toHaveLength(4);
    expect(of('ships-cloudtrail-to').every(e => e.endsWith(LOG_ARCHIVE))).toBe(
      true,
    );
    expect(lines.every(e => e.count === 1)).toBe(true);
    expect(lines.some(e => e.type === 'assigns-permission-sets')).toBe(false);
  });

  it('marks the flows the estate breaks', () => {
    const { edges } = setup(referenceOrganization());
    const broken = edges()
      .edges.filter(e => e.broken > 0)
      .map(e => `${e.type} ${e.from} > ${e.to}`)
      .sort();
    expect(broken).toEqual(
      [
        `copies-backups-to a:${SANDBOX} > a:${BACKUP}`,
        `delegates-dns-to a:${NETWORK} > a:${SANDBOX}`,
      ].sort(),
    );
  });

  it('lands flows on a collapsed OU and drops the ones inside it', () => {
    const { edges } = setup(referenceOrganization(), new Set(['Root/Shared']));
    const lines = edges().edges;
    const deploys = lines.filter(e => e.type === 'deploys-to');
    expect(deploys.map(e => e.from)).toEqual([
      'g:Root/Shared',
      'g:Root/Shared',
    ]);
    // Operations' baseline to Network stays inside Shared.
    expect(
      lines.filter(e => e.type === 'baseline-flow' && e.to === 'g:Root/Shared'),
    ).toEqual([]);
  });

  it('aggregates lines of a large open OU by OU, keeping every flow counted', () => {
    const { edges, model } = setup(largeOrganization(1000), new Set());
    const { edges: lines, level } = edges();
    expect(level).toBe(1);
    expect(lines.length).toBeLessThanOrEqual(150);
    const dns = lines.filter(e => e.type === 'delegates-dns-to');
    // Network keeps its own tile (Shared is small); Workloads is one end.
    expect(dns).toEqual([
      expect.objectContaining({
        from: `a:${NETWORK}`,
        to: 'g:Root/Workloads',
        count: 1000,
        broken: 91,
      }),
    ]);
    const workloads = model.accountsByRole.get('production')!.length;
    expect(workloads).toBe(500);
  });

  it('falls back to OU-to-OU lines when even that is too many', () => {
    const { edges } = setup(largeOrganization(50), new Set());
    const { edges: lines, level } = edges({ maxEdges: 3 });
    expect(level).toBe(2);
    expect(new Set(lines.flatMap(e => [e.from, e.to]))).toEqual(
      new Set(['g:Root', 'g:Root/Shared', 'g:Root/Workloads']),
    );
  });

  it("draws one account's flows, keeping its own tile", () => {
    const { edges } = setup(largeOrganization(1000), new Set());
    const first = 'resource:default/account-100000000000';
    const { edges: lines } = edges({ touching: first, maxEdges: 20 });
    expect(
      lines.every(e => e.from === `a:${first}` || e.to === `a:${first}`),
    ).toBe(true);
    expect(lines.find(e => e.type === 'copies-backups-to')).toMatchObject({
      to: `a:${BACKUP}`,
      broken: 1,
    });
  });

  it('only draws accounts that pass the filter', () => {
    const model = buildAccountMapModel([
      ...referenceOrganization(),
      accountEntity({
        title: 'Extra',
        id: '1',
        role: 'workload',
        path: 'Root/Workloads',
      }),
    ]);
    const visible = filterAccounts(model, {
      ...NO_MAP_FILTER,
      query: 'extra',
    });
    const summaries = summarizeGroups(model, visible, { keepEmpty: false });
    const layout = layoutAccountMap({
      model,
      visible,
      summaries,
      collapsed: new Set(),
      width: 1200,
    });
    const result = buildFlowEdges({
      model,
      visible,
      types: DEFAULT_FLOW_TYPES,
      levels: nodeResolvers(model, layout),
      maxEdges: 100,
    });
    expect(result.edges).toEqual([]);
  });
});

describe('flowsOfAccount', () => {
  it("lists an account's flows by direction and type with the peers", () => {
    const { model, visible } = setup(referenceOrganization());
    const lists = flowsOfAccount({
      model,
      visible,
      types: DEFAULT_FLOW_TYPES,
      ref: SANDBOX,
    });
    const summary = lists.map(
      l =>
        `${l.direction} ${l.type}: ${l.peers.map(p => p.title).join(', ')}${
          l.broken ? ' (broken)' : ''
        }`,
    );
    expect(summary).toEqual([
      'out pulls-images-from: Operations',
      'out ships-cloudtrail-to: Log Archive',
      'out copies-backups-to: Backup (broken)',
      'in deploys-baseline: Management',
      'in baseline-flow: Operations',
      'in deploys-to: Operations',
      'in delegates-dns-to: Network (broken)',
    ]);
  });
});
