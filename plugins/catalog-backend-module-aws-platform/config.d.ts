import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

/** One organization's ingestion: a section of `catalog.providers.awsPlatform`. */
interface AwsPlatformProviderConfig {
  /**
   * The Organizations API to read: the management account or a
   * delegated administrator. Omit `accountId` to use `aws.mainAccount`.
   */
  organization?: {
    accountId?: string;
    /** Default `us-east-1`, where Organizations lives. */
    region?: string;
    /**
     * The organization id (`o-...`) the catalog may move away from. A
     * run that reads another organization than the one whose entities
     * the catalog holds replaces all of them, so it is refused unless
     * the organization it moves away from is named here. Remove it once
     * the move is done.
     */
    allowChangeFrom?: string;
    /**
     * Read the Control Tower landing zone (ListLandingZones, GetLandingZone
     * as the organization reader): its manifest names the Log Archive and
     * Audit accounts, the strongest role evidence after tags. Needs
     * `controltower:ListLandingZones` and `controltower:GetLandingZone`;
     * without them the roles rest on other evidence.
     */
    controlTower?: {
      /** Default false. */
      enabled?: boolean;
      /** The landing zone's home region; default `organization.region`. */
      region?: string;
    };
  };
  /**
   * Owner of entities that name no owner in their tag and whose role
   * has none configured, e.g. `group:default/platform-team`.
   */
  defaultOwner: string;
  /** Tag key naming the owning group. Default `owner`. */
  ownerTagKey?: string;
  /** Tag key naming the account's role in the guide. Default `aws-platform/role`. */
  roleTagKey?: string;
  /** Owner per account role, e.g. `network: group:default/network-team`. */
  roleOwners?: { [role: string]: string };
  /** Role per account id, stronger than tags and names. */
  roleOverrides?: Array<{ accountId: string; role: string }>;
  /** How many Organizations calls run at once. Default 4. */
  concurrency?: number;
  /**
   * Regions to read EKS clusters and AWS Backup in, the same for every
   * account. Default: the regions each account has enabled, read at
   * every run with one EC2 DescribeRegions call per account (the
   * member role needs `ec2:DescribeRegions`). An account whose regions
   * cannot be read keeps its regional entities of the last good run.
   */
  regions?: string[];
  /**
   * Services read in every account: `route53`, `eks`, `backup`, `ecr`.
   * Default all. `ecr` emits no entities: its repositories' policies say
   * which account others pull images from (the Operations account's role).
   */
  services?: string[];
  /**
   * Accounts whose resources are read at once. Default 16: each account
   * has its own request buckets, and the AssumeRole requests of all
   * accounts are paced together (awsPlatform.aws.rateLimits.AssumeRole).
   */
  accountConcurrency?: number;
  /** Accounts whose resources are not read; their account entity stays. */
  excludeAccountIds?: string[];
  /**
   * Share of the entities of the last applied run that a run may
   * remove (by entity ref, so adding others does not make up for them;
   * an entity renamed for the same AWS resource is not a removal);
   * a run that would remove more is refused and logged. Default 0.25.
   */
  maxRemovalShare?: number;
  /**
   * Role the Kubernetes plugin assumes in a cluster's account, written to
   * the cluster entities' `kubernetes.io/aws-assume-role` annotation.
   */
  kubernetesRoleName?: string;
  /** How often to refresh. Default every 30 minutes, timeout 20 minutes. */
  schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
  /**
   * Optional ingestion of IAM Identity Center: Identity Store users and
   * groups as `User` and `Group` entities (with memberships), permission
   * sets as `Resource` entities of type `aws-permission-set`, and on each
   * account who can sign in with which permission set. Off by default.
   */
  identityCenter?: {
    /** Default false. */
    enabled?: boolean;
    /** The instance's region. Default `us-east-1`. */
    region?: string;
    /** The instance (`arn:aws:sso:::instance/ssoins-...`); default the one ListInstances answers with. */
    instanceArn?: string;
    /**
     * The account to read Identity Center from. Default: the account
     * recognised as Identity (the guide's delegated administrator), else
     * the management account.
     */
    accountId?: string;
  };
  /**
   * Re-read what changed when AWS says so: CloudTrail management events
   * (Route 53, EKS, AWS Backup, Organizations) that an EventBridge rule
   * sends to an SQS queue, published on an events topic by
   * `@backstage/plugin-events-backend-module-aws-sqs`. A change to a zone,
   * cluster or backup re-reads that scope alone, an account's owner tag or
   * move that account alone; other changes to the organization start the
   * full refresh early. Off by default; the
   * README's "Events" section has the rule, the queue and the IAM policy.
   */
  events?: {
    /** Default false. */
    enabled?: boolean;
    /**
     * The events topic, the same as the aws-sqs module's
     * `events.modules.awsSqs.awsSqsConsumingEventPublisher.topics` key.
     * Letters, digits, and `-`, `_` or `:` between them. Default
     * `aws-platform-cloudtrail`.
     */
    topic?: string;
    /**
     * How long the changes to one scope are gathered before it is read
     * again, so that a burst costs one read. Default 5 seconds, at most
     * 10 minutes.
     */
    coalesceWindow?: HumanDuration | string;
    /**
     * How long a full refresh may carry an account's tags (owner and role)
     * from its last read instead of reading them again, while the events
     * apply owner-tag changes: at Organizations' 10 requests per second,
     * reading every account's tags is most of a large organization's
     * refresh. An account whose tags an event could not apply (its role
     * tag, keys the event does not list) is read at the next refresh. A
     * dropped event stays unseen until the tags are this old. Off by
     * default: every refresh reads every account's tags. More than 0, at
     * most 7 days, e.g. `6h`.
     */
    accountTagsMaxAge?: HumanDuration | string;
    /**
     * How long a replica's hold on the changes it took from the queue (and
     * on the accounts it is reading) lasts unless the replica renews it,
     * which it does every third of this. When a replica dies, another one
     * applies its changes this long after. Default 60 seconds; 3 seconds
     * to 10 minutes.
     */
    replicaLease?: HumanDuration | string;
  };
}

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Catalog ingestion of AWS organizations by the AWS Platform suite.
       * Credentials come from the `aws` section (integration-aws-node).
       *
       * Either one organization (the single-object form, whose provider id
       * is `default`), or several by id:
       * `awsPlatform: { prod: {...}, acquired: {...} }`, each with its own
       * provider `AwsPlatformEntityProvider:<id>`, location key, scheduled
       * task and status row. An id is lower-case letters, digits and `-`.
       */
      awsPlatform?:
        | AwsPlatformProviderConfig
        | { [id: string]: AwsPlatformProviderConfig };
    };
  };
}
