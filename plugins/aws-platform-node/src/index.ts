/**
 * Shared backend plumbing of the AWS Platform suite: AWS SDK v3 clients for
 * any account through `@backstage/integration-aws-node`, with adaptive
 * retries, per-account rate limits, paging and bounded concurrency.
 *
 * @packageDocumentation
 */

export * from './awsClientFactory';
export * from './accountRoles';
export * from './awsClientFactoryServiceRef';
export * from './tokenBucket';
export * from './rateLimits';
export * from './concurrency';
export * from './paging';
export * from './awsErrors';
export * from './sharedCredentials';
export * from './entityTransformers';
export * from './mapAllOrThrow';
export * from './awsErrorKinds';
export * from './browserSafeError';
export * from './route53Region';
export * from './readNsRecord';
export * from './ingestionStatusStore';
