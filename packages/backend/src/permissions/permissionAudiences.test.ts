import { catalogPermissions } from '@backstage/plugin-catalog-common/alpha';
import { kubernetesPermissions } from '@backstage/plugin-kubernetes-common';
import { scaffolderPermissions } from '@backstage/plugin-scaffolder-common/alpha';
import { awsPlatformPermissions } from '@aws-platform-suite/backstage-plugin-aws-platform-common';
import { audienceOf, PERMISSION_AUDIENCES } from './permissionAudiences';

describe('PERMISSION_AUDIENCES', () => {
  // A permission a plugin upgrade adds would otherwise fall to the
  // platform-only default without anyone deciding.
  it.each(
    [
      ...catalogPermissions,
      ...scaffolderPermissions,
      ...kubernetesPermissions,
      ...awsPlatformPermissions,
    ].map(p => [p.name]),
  )('decides %s explicitly', name => {
    expect(Object.keys(PERMISSION_AUDIENCES)).toContain(name);
  });

  it('leaves an unknown permission to platform members', () => {
    expect(audienceOf('some-plugin.secrets.read')).toBe('platform');
  });

  it('takes an override before the shipped audience', () => {
    const overrides = { 'aws-platform.live-status.read': 'owners' } as const;
    expect(audienceOf('aws-platform.live-status.read')).toBe('everyone');
    expect(audienceOf('aws-platform.live-status.read', overrides)).toBe(
      'owners',
    );
    expect(audienceOf('aws-platform.status.read', overrides)).toBe('everyone');
  });
});
