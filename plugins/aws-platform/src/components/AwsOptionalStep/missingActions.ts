/**
 * The actions an optional step needs that the scaffolder backend does not
 * have, in the order the template names them.
 */
export function missingActions(
  needed: readonly string[] | undefined,
  installed: ReadonlyArray<{ id: string }>,
): string[] {
  const ids = new Set(installed.map(action => action.id));
  return (needed ?? []).filter(id => !ids.has(id));
}
