/**
 * What the suite reads from Amazon ECR in one account and region: only what
 * says whose images a repository holds. Plain data so that the role
 * evidence can be tested on fixtures.
 */

/** An ECR repository with its repository policy. */
export type RepositoryRecord = {
  name: string;
  arn: string;
  /** The account that holds it (its registry id). */
  accountId: string;
  region: string;
  /** The repository policy as JSON text; undefined when it has none. */
  policy?: string;
};
