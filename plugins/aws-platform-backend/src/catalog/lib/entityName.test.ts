import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import { entityName, slugify } from './entityName';

describe('entityName', () => {
  it('keeps names readable and ends them with the unique id', () => {
    expect(entityName('Log Archive', '111122223333')).toBe(
      'log-archive-111122223333',
    );
    expect(entityName('Workloads', 'ou-ab12-cdef3456')).toBe(
      'workloads-ou-ab12-cdef3456',
    );
  });

  it('shortens the readable part, never the id, to stay within 63 characters', () => {
    const name = entityName('A'.repeat(80), '111122223333');
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name.endsWith('-111122223333')).toBe(true);
  });

  it('produces valid names from awkward input', () => {
    for (const text of ['Ünïcödé Prod', '  --weird__name!!  ', '日本', '']) {
      const name = entityName(text, '111122223333');
      expect(KubernetesValidatorFunctions.isValidObjectName(name)).toBe(true);
    }
    expect(slugify('Prod (EU) / 2')).toBe('prod-eu-2');
  });

  it('gives different names to accounts that share a display name', () => {
    expect(entityName('Sandbox', '111122223333')).not.toBe(
      entityName('Sandbox', '444455556666'),
    );
  });
});
