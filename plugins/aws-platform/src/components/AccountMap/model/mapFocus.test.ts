import { referenceOrganization } from '../__fixtures__/organizationEntities';
import { resolveFocus } from './mapFocus';
import { buildAccountMapModel } from './mapModel';

const model = buildAccountMapModel(referenceOrganization());

describe('resolveFocus', () => {
  it('opens the OUs down to a focused account and selects it', () => {
    const focus = resolveFocus(model, 'resource:default/account-888888888888');
    expect(focus.accountRef).toBe('resource:default/account-888888888888');
    expect([...focus.forceOpen]).toEqual(['Root/Workloads', 'Root']);
  });

  it('opens and highlights a focused OU', () => {
    const focus = resolveFocus(model, 'resource:default/ou-ab12-shared');
    expect(focus).toMatchObject({ groupId: 'Root/Shared' });
    expect([...focus.forceOpen]).toEqual(['Root/Shared', 'Root']);
  });

  it('focuses nothing for other entities', () => {
    expect(resolveFocus(model, 'component:default/x')).toEqual({
      forceOpen: new Set(),
    });
    expect(resolveFocus(model, undefined).accountRef).toBeUndefined();
  });
});
