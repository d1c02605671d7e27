/**
 * DNS names as Route 53 and moto return them differ in case and in the
 * trailing dot (moto drops it from name servers, keeps it on record names),
 * so every name is compared in one normalized form.
 *
 * @public
 */
export function normalizeDnsName(name: string): string {
  return name.trim().toLocaleLowerCase('en-US').replace(/\.+$/, '');
}

/**
 * Whether `name` is a proper subdomain of `parent` (both normalized).
 *
 * @public
 */
export function isStrictlyUnder(name: string, parent: string): boolean {
  return name.endsWith(`.${parent}`);
}
