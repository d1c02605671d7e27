/**
 * Flightdeck's cluster naming convention (guide b.5): `<org>-<stage>-v<N>`,
 * e.g. `acme-production-v1`; a blue/green upgrade creates `…-v2`. It is a
 * convention, not enforced, so a name that does not match yields nothing.
 * The org may contain dashes; the stage is the last word before `-v<N>`.
 */
export function parseFlightdeckClusterName(
  name: string,
): { org: string; stage: string; generation: number } | undefined {
  const match = /^([a-z0-9][a-z0-9-]*?)-([a-z0-9]+)-v(\d+)$/i.exec(name);
  if (!match) return undefined;
  return { org: match[1], stage: match[2], generation: Number(match[3]) };
}
