import { Sha256 } from '@aws-crypto/sha256-js';
import { Client } from '@smithy/core/client';
import { getRetryPlugin, resolveRetryConfig } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { SignatureV4 } from '@smithy/signature-v4';
import type {
  AwsCredentialIdentityProvider,
  FinalizeHandler,
  FinalizeHandlerArguments,
  HttpHandlerOptions,
  HttpRequest,
  Provider,
  RetryStrategyV2,
} from '@smithy/types';

/** What the client is built with: the suite's client factory's config. */
export interface ControlTowerClientConfig {
  region: string;
  credentials: AwsCredentialIdentityProvider;
  retryMode?: string;
  maxAttempts?: number;
  customUserAgent?: string;
}

/** The client's config once resolved; commands read it. */
export interface ControlTowerResolvedConfig {
  serviceId: 'ControlTower';
  region: string;
  /** `https://controltower.<region>.amazonaws.com`, or the standard override. */
  endpoint: URL;
  requestHandler: NodeHttpHandler;
  apiVersion: string;
  customUserAgent?: string;
  retryStrategy: Provider<RetryStrategyV2>;
  maxAttempts: Provider<number>;
  signer: SignatureV4;
}

/**
 * The Control Tower endpoint: `AWS_ENDPOINT_URL_CONTROLTOWER`, else
 * `AWS_ENDPOINT_URL`, else the regional endpoint, as every SDK v3 client
 * resolves its endpoint.
 */
export function controlTowerEndpoint(
  region: string,
  env: NodeJS.ProcessEnv = process.env,
): URL {
  const configured =
    env.AWS_ENDPOINT_URL_CONTROLTOWER ?? env.AWS_ENDPOINT_URL ?? undefined;
  return new URL(configured ?? `https://controltower.${region}.amazonaws.com`);
}

/**
 * A client of the two Control Tower operations the suite reads,
 * ListLandingZones and GetLandingZone, built from the SDK v3's own parts
 * (Smithy's client, retry strategy and HTTP handler, SigV4 signing). The
 * registry this project installs from serves only
 * `@aws-sdk/client-controltower` 3.332.0, which predates both operations.
 * It takes the same config as any SDK client, so the suite's client factory
 * builds it with the backend's credentials, adaptive retries and the
 * shared rate limit.
 */
export class ControlTowerClient extends Client<
  HttpHandlerOptions,
  any,
  any,
  ControlTowerResolvedConfig
> {
  declare readonly config: ControlTowerResolvedConfig;

  constructor(config: ControlTowerClientConfig) {
    const retry = resolveRetryConfig({
      maxAttempts: config.maxAttempts ?? 3,
      retryMode: config.retryMode ?? 'adaptive',
    });
    const resolved: ControlTowerResolvedConfig = {
      serviceId: 'ControlTower',
      region: config.region,
      endpoint: controlTowerEndpoint(config.region),
      requestHandler: new NodeHttpHandler({ requestTimeout: 30_000 }),
      apiVersion: '2018-05-10',
      customUserAgent: config.customUserAgent,
      retryStrategy: retry.retryStrategy as Provider<RetryStrategyV2>,
      maxAttempts: retry.maxAttempts as Provider<number>,
      signer: new SignatureV4({
        credentials: config.credentials,
        region: config.region,
        service: 'controltower',
        sha256: Sha256,
      }),
    };
    super(resolved);
    this.middlewareStack.use(getRetryPlugin(resolved));
    // Signs every attempt, after the retry middleware cloned the request.
    this.middlewareStack.add(
      (next: FinalizeHandler<any, any>) =>
        async (args: FinalizeHandlerArguments<any>) =>
          next({
            ...args,
            request: await resolved.signer.sign(args.request as HttpRequest),
          }),
      {
        step: 'finalizeRequest',
        priority: 'normal',
        name: 'controlTowerSigV4',
      },
    );
  }
}
