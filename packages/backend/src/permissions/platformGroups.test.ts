import { ConfigReader } from '@backstage/config';
import { readPlatformGroups } from './platformGroups';

function configWith(platformGroups?: unknown) {
  return new ConfigReader(
    platformGroups === undefined
      ? {}
      : { awsPlatform: { permissions: { platformGroups } } },
  );
}

describe('readPlatformGroups', () => {
  it('reads full refs and completes bare group names', () => {
    expect(
      readPlatformGroups(
        configWith(['group:default/platform-team', 'sre', 'group:ops/admins']),
      ),
    ).toEqual([
      'group:default/platform-team',
      'group:default/sre',
      'group:ops/admins',
    ]);
  });

  it('is empty when unset', () => {
    expect(readPlatformGroups(configWith())).toEqual([]);
  });

  it('refuses a ref of another kind', () => {
    expect(() =>
      readPlatformGroups(configWith(['user:default/guest'])),
    ).toThrow(/"user:default\/guest" is not a group/);
  });

  it('refuses a malformed ref', () => {
    expect(() => readPlatformGroups(configWith(['group:']))).toThrow(
      /is not an entity ref/,
    );
  });
});
