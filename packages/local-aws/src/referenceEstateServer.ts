import { startLocalAws } from './emulator.ts';
import type { LocalAws, StartLocalAwsOptions } from './emulator.ts';
import { seedReferenceEstate } from './seed/referenceEstate.ts';
import type { ReferenceEstate } from './seed/referenceEstate.ts';

/**
 * Starts moto on a free loopback port, resets it (deterministic ids) and
 * seeds the reference estate: what every emulator-backed test begins with.
 */
export async function startReferenceEstate(
  options: StartLocalAwsOptions = {},
): Promise<{ localAws: LocalAws; estate: ReferenceEstate }> {
  const localAws = await startLocalAws(options);
  try {
    await localAws.reset();
    const estate = await seedReferenceEstate({ endpoint: localAws.endpoint });
    return { localAws, estate };
  } catch (error) {
    await localAws.stop();
    throw error;
  }
}
