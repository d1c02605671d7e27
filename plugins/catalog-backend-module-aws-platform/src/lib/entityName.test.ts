import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { scopedEntityName, slugify } from './entityName';

const ACCOUNT = '715451680876';
const isValidName = (name: string) =>
  KubernetesValidatorFunctions.isValidObjectName(name);

describe('scopedEntityName', () => {
  it('spells an id that is a valid name as it is, with its prefix and scope', () => {
    expect(scopedEntityName({ id: 'ou-ab12-cdef3456' })).toBe(
      'ou-ab12-cdef3456',
    );
    expect(scopedEntityName({ prefix: 'account', id: ACCOUNT })).toBe(
      `account-${ACCOUNT}`,
    );
    expect(
      scopedEntityName({
        id: 'acme-production-v1',
        scope: [ACCOUNT, 'us-east-1'],
      }),
    ).toBe(`acme-production-v1-${ACCOUNT}-us-east-1`);
  });

  it('adds a hash of the exact id when the name does not spell it', () => {
    const names = ['my-cluster', 'My_Cluster', 'my_cluster', 'MY-CLUSTER'].map(
      id => scopedEntityName({ id, scope: [ACCOUNT, 'us-east-1'] }),
    );
    expect(names[0]).toBe(`my-cluster-${ACCOUNT}-us-east-1`);
    expect(names[1]).toMatch(
      new RegExp(`^my-cluster-[0-9a-f]{8}-${ACCOUNT}-us-east-1$`),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('keeps long names that differ only at the end apart (Flightdeck blue/green)', () => {
    const stem = 'acme-data-platform-production-blue-green-cluster';
    const names = [`${stem}-v12`, `${stem}-v13`].map(id =>
      scopedEntityName({ id, scope: [ACCOUNT, 'ap-southeast-2'] }),
    );
    expect(names[0]).not.toBe(names[1]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(63);
      expect(name.startsWith('acme-data-platform')).toBe(true);
      expect(name.endsWith(`-${ACCOUNT}-ap-southeast-2`)).toBe(true);
      expect(isValidName(name)).toBe(true);
    }
  });

  it('leads with readable text and tells same-named resources apart by id', () => {
    const one = scopedEntityName({
      readable: 'example.com',
      id: 'Z1D633PJN98FT9',
    });
    const two = scopedEntityName({
      readable: 'example.com',
      id: 'Z2FDTNDATAQYW2',
    });
    expect(one).toMatch(/^example-com-[0-9a-f]{8}$/);
    expect(one).not.toBe(two);
    expect(
      scopedEntityName({ readable: 'example.com', id: 'Z1D633PJN98FT9' }),
    ).toBe(one);
  });

  it('hashes an id too long to fit, and the same id always gets the same name', () => {
    const id = `ou-${'a'.repeat(32)}-${'b'.repeat(32)}`;
    const name = scopedEntityName({ id });
    expect(name.length).toBe(63);
    expect(isValidName(name)).toBe(true);
    expect(scopedEntityName({ id })).toBe(name);
    expect(scopedEntityName({ id: `${id.slice(0, -1)}c` })).not.toBe(name);
  });

  it('produces valid names from awkward input', () => {
    for (const readable of [
      'Ünïcödé Prod',
      '  --weird__name!!  ',
      '日本',
      '',
    ]) {
      const name = scopedEntityName({ readable, id: 'Z1', scope: [ACCOUNT] });
      expect(isValidName(name)).toBe(true);
    }
    for (const id of ['-', '_x_', 'a'.repeat(200), `${'a'.repeat(61)}-b`]) {
      const name = scopedEntityName({ id, scope: [ACCOUNT, 'us-gov-west-1'] });
      expect(isValidName(name)).toBe(true);
    }
    expect(slugify('Prod (EU) / 2')).toBe('prod-eu-2');
  });
});
