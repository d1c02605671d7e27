import { AccountMapModel, groupPath } from './mapModel';

/** What an entity page's map focuses on. */
export interface MapFocus {
  /** The account to select and scroll to. */
  accountRef?: string;
  /** The OU to highlight and scroll to. */
  groupId?: string;
  /** OUs that must start open to show it. */
  forceOpen: ReadonlySet<string>;
}

/** Resolves an account or OU entity ref to what the map opens and highlights. */
export function resolveFocus(
  model: AccountMapModel,
  focusRef: string | undefined,
): MapFocus {
  if (!focusRef) return { forceOpen: new Set() };
  const account = model.accounts.get(focusRef);
  if (account) {
    return {
      accountRef: account.ref,
      forceOpen: new Set(groupPath(model, account.groupId)),
    };
  }
  for (const group of model.groups.values()) {
    if (group.ref === focusRef) {
      return {
        groupId: group.id,
        forceOpen: new Set(groupPath(model, group.id)),
      };
    }
  }
  return { forceOpen: new Set() };
}
