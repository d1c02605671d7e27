import type { LocalAws } from './emulator.ts';
import { startFaultProxy } from './faults/faultProxy.ts';
import type { FaultProxy, FaultProxyOptions } from './faults/faultProxy.ts';
import { startReferenceEstate } from './referenceEstateServer.ts';
import type { ReferenceEstate } from './seed/referenceEstate.ts';

/** What {@link useReferenceEstate} gives a test file once its tests run. */
export type LocalEstate = {
  localAws: LocalAws;
  estate: ReferenceEstate;
  /** Set when the file asked for the fault proxy. */
  proxy?: FaultProxy;
};

/**
 * For a Jest test file: before its tests, starts moto seeded with the
 * reference estate (behind the fault proxy when `faultProxy` is given) and
 * points the AWS SDK's environment variables at it; after them, restores the
 * environment and stops both. The returned object is filled in by then.
 */
export function useReferenceEstate(): LocalEstate;
export function useReferenceEstate(options: {
  faultProxy: Omit<FaultProxyOptions, 'target'>;
}): LocalEstate & { proxy: FaultProxy };
export function useReferenceEstate(
  options: { faultProxy?: Omit<FaultProxyOptions, 'target'> } = {},
): LocalEstate {
  const local = {} as LocalEstate;
  const savedEnv = { ...process.env };
  beforeAll(async () => {
    Object.assign(local, await startReferenceEstate());
    Object.assign(process.env, local.localAws.env);
    if (options.faultProxy) {
      local.proxy = await startFaultProxy({
        ...options.faultProxy,
        target: local.localAws.endpoint,
      });
      process.env.AWS_ENDPOINT_URL = local.proxy.endpoint;
    }
  }, 120_000);
  afterAll(async () => {
    process.env = savedEnv;
    await local.proxy?.close();
    await local.localAws?.stop();
  }, 30_000);
  return local;
}
