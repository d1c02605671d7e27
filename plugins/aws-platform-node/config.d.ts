export interface Config {
  /** Settings of the AWS Platform suite. */
  awsPlatform?: {
    /** How the suite's backend plugins call AWS. Credentials come from the `aws` section of integration-aws-node. */
    aws?: {
      /**
       * Attempts per AWS call including the first, with adaptive retries. Default 5.
       */
      maxAttempts?: number;
      /**
       * Client-side request rates per account, keyed by the SDK service id
       * (`Route 53`, `Organizations`, `EKS`, `Backup`, `STS`, `SSM`, `ECR`),
       * and `AssumeRole` for the credential requests of all accounts together
       * (default 100 per second, burst 100).
       */
      rateLimits?: {
        [serviceId: string]: {
          ratePerSecond: number;
          burst?: number;
        };
      };
    };
  };
}
