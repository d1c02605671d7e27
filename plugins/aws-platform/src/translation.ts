import { createTranslationRef } from '@backstage/frontend-plugin-api';

/**
 * Every string the AWS Platform frontend shows.
 * @public
 */
export const awsPlatformTranslationRef = createTranslationRef({
  id: 'aws-platform',
  messages: {
    page: {
      title: 'AWS Platform',
    },
    accounts: {
      title: 'AWS accounts',
      subtitle:
        'Every account of the organization, by organizational unit and role in the platform',
      empty:
        'No AWS accounts in the catalog yet. Check catalog.providers.awsPlatform in the backend config and the backend logs.',
      columns: {
        account: 'Account',
        accountId: 'Account id',
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        holds: 'Runs',
        findings: 'Needs attention',
      },
      holds:
        'DNS {{zones}} · EKS {{clusters}} · Vaults {{vaults}} · Plans {{plans}}',
      holdsNothing: '—',
      notActive: '{{status}}',
      findings: {
        'no-owner-tag': 'No owner tag',
        'delegation-drift': 'DNS delegation drift',
        'backup-not-covered': 'No backup copy',
        'backup-coverage-unknown': 'Backup coverage unknown',
        'eks-version-unsupported': 'EKS past support',
      },
      summary: '{{accounts}} accounts in {{ous}} organizational units',
      ownershipLink: 'Ownership review',
    },
    accountMap: {
      title: 'Account map',
      namePrefix:
        'Tiles leave out “{{prefix}}”, which every account name starts with',
      subtitle:
        'The organization as the AWS Platform Guide draws it: organizational units, accounts by role and the flows between them',
      empty:
        'No AWS accounts in the catalog yet. Check catalog.providers.awsPlatform in the backend config and the backend logs.',
      summary_one:
        '{{count, number}} account in {{ous, number}} organizational units',
      summary_other:
        '{{count, number}} accounts in {{ous, number}} organizational units',
      showing: 'Showing {{visible, number}} of {{total, number}} accounts',
      canvasLabel: 'Map of the AWS organization',
      instructions:
        'Arrow keys move between organizational units and accounts. Enter opens an account; Enter or Space on an organizational unit collapses or expands it.',
      noMatch: 'No account matches the filters.',
      expandAll: 'Expand all',
      collapseAll: 'Collapse all',
      filters: {
        label: 'Filter the map',
        search: 'Search accounts',
        searchPlaceholder: 'Name, account id, owner or role',
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        all: 'All',
        attentionOnly: 'Only accounts that need attention',
        clear: 'Clear filters',
      },
      group: {
        expand: 'Expand {{name}}',
        collapse: 'Collapse {{name}}',
        accounts_one: '{{count, number}} account',
        accounts_other: '{{count, number}} accounts',
        attention_one: '{{count, number}} needs attention',
        attention_other: '{{count, number}} need attention',
        holds: 'EKS {{clusters}} · DNS {{zones}} · Vaults {{vaults}}',
        empty: 'No accounts',
        open: 'Open the entity of {{name}}',
      },
      tile: {
        label: '{{title}}, {{role}} account {{accountId}}, owner {{owner}}',
        holds: 'EKS {{clusters}} · DNS {{zones}} · Vaults {{vaults}}',
        holdsLabel: '{{clusters}}, {{zones}}, {{vaults}}',
        clusters_one: '{{count, number}} EKS cluster',
        clusters_other: '{{count, number}} EKS clusters',
        zones_one: '{{count, number}} DNS zone',
        zones_other: '{{count, number}} DNS zones',
        vaults_one: '{{count, number}} backup vault',
        vaults_other: '{{count, number}} backup vaults',
        notRead: 'Resources not read',
        needsAttention: 'Needs attention: {{findings}}',
      },
      badges: {
        'no-owner-tag': 'No owner tag',
        'delegation-drift': 'DNS delegation drift',
        'backup-not-covered': 'Backup coverage missing',
        'backup-coverage-unknown': 'Backup coverage unknown',
        'eks-version-unsupported': 'EKS version past support',
      },
      legend: {
        title: 'Legend',
        roles: 'Account roles',
        flows: 'Flows between roles',
        broken:
          'Red: a flow the guide expects that the estate breaks (no backup copy, drifting delegation)',
        aggregated:
          'At rest, one line joins two organizational units for all their flows of the types shown, labelled with the accounts at each end (grey: several types). Hover, focus or select an account to draw its own flows.',
        lines: 'Lines between organizational units',
      },
      lines: {
        accounts_one: '{{count, number}} account',
        accounts_other: '{{count, number}} accounts',
        label: '{{from}} → {{to}}',
        broken: '{{label}} ({{broken, number}} broken)',
        between: '{{from}} to {{to}}: {{label}}',
      },
      flows: {
        'deploys-baseline': 'Customizations (CfCT)',
        'baseline-flow': 'Terraform baseline',
        'deploys-to': 'CI/CD to clusters',
        'pulls-images-from': 'Image pulls from ECR',
        'ships-cloudtrail-to': 'CloudTrail to Log Archive',
        'delegates-dns-to': 'DNS delegation',
        'copies-backups-to': 'Backup copies',
        'governs-backup-policy': 'Backup policy',
        'sends-metrics-to': 'Metrics to Grafana',
        'assigns-permission-sets': 'Permission sets',
        'delegates-admin': 'Identity Center admin',
      },
      details: {
        title: 'Account',
        hint: 'Hover over or focus an account to see its details and flows.',
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        holds: 'Runs',
        findings: 'Needs attention',
        nothing: 'Nothing',
        outgoing: 'Flows out',
        incoming: 'Flows in',
        noFlows: 'No flow of the types shown.',
        to: 'to',
        from: 'from',
        more: 'and {{rest, number}} more',
        open: 'Open {{title}}',
      },
    },
    accountCard: {
      title: 'AWS account',
      fields: {
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        accountId: 'Account id',
        email: 'E-mail',
        status: 'Status',
        joined: 'Joined the organization',
        console: 'AWS console',
        findings: 'Needs attention',
      },
      roleSource: {
        config: '(set in the portal config)',
        tag: '(from the account tag)',
        management: '(the management account)',
        'landing-zone': "(named by Control Tower's landing zone)",
        'delegated-admin':
          '(the delegated administrator of the services this role runs)',
        holdings:
          '(from what it holds: zones it delegates, vaults others copy into, repositories others pull from)',
        ou: '(from the name of its organizational unit)',
        name: '(guessed from the account name)',
        default: '(default: no tag or config named a role)',
      },
      ownerSource: {
        role: "No owner tag on the account: the owner is the one the portal config names for the account's role.",
        default:
          "No owner tag on the account: the owner is the portal's default owner. Tag the account with its owner.",
        unknown:
          'Where the owner came from is not recorded: treat it as not tagged.',
      },
      noFindings: 'Nothing',
      parts: {
        title: 'What runs in this account',
        summary:
          'DNS zones: {{zones}} · EKS clusters: {{clusters}} · Backup vaults: {{vaults}} · Backup plans: {{plans}}',
        drifted: '{{number}} with delegation drift',
        unsupported: '{{number}} past EKS support',
        loading: 'Loading what runs in this account',
        empty:
          'No DNS zone, EKS cluster or backup of this account is in the catalog.',
        notRead:
          "This account's resources are not read: no DNS zones, clusters or backups are ingested for it.",
        zones: 'DNS zones',
        clusters: 'EKS clusters',
        vaults: 'Backup vaults',
        plans: 'Backup plans',
      },
    },
    clusterCard: {
      title: 'EKS cluster',
      missing:
        'This entity has no spec.cluster: it was not ingested by the AWS Platform suite, or a transformer removed it.',
      fields: {
        version: 'Kubernetes version',
        endOfStandardSupport: 'End of standard support',
        endOfExtendedSupport: 'End of extended support',
        platformVersion: 'Platform version',
        status: 'Status',
        flightdeck: 'Flightdeck',
        console: 'AWS console',
      },
      support: {
        standard: 'Standard support',
        extended: 'Extended support',
        unsupported: 'Past support',
        unknown: 'Support unknown',
      },
      pastSupport: {
        title: 'Kubernetes {{version}} is past EKS support',
        since:
          'Extended support for this version ended on {{date}}. Amazon EKS upgrades such control planes on its own schedule; plan the upgrade (with Flightdeck, a new cluster generation) before it does.',
        undated:
          'This version is older than the EKS release calendar: it gets no support or patches. Upgrade the cluster.',
      },
      extendedSupport: {
        title: 'Kubernetes {{version}} is in extended support',
        until:
          'Standard support has ended; AWS bills extended support per cluster hour until {{date}}. Upgrade to a version in standard support.',
      },
      flightdeck: {
        yes: 'Flightdeck',
        stage: 'Flightdeck · stage {{stage}} · generation v{{generation}}',
        no: 'Not Flightdeck',
        unknown: 'Unknown: its SSM parameters could not be read',
      },
      nodegroups: {
        title: 'Managed node groups',
        none: 'No managed node groups.',
        name: 'Name',
        instanceTypes: 'Instance types',
        size: 'Nodes (min–max)',
        version: 'Version',
        status: 'Status',
      },
      addons: {
        title: 'Add-ons',
        none: 'No EKS add-ons installed.',
        unknown:
          'Unknown: the add-on API could not be read in this account (eks:ListAddons).',
      },
    },
    zoneCard: {
      title: 'Route 53 hosted zone',
      missing:
        'This entity has no spec.zone: it was not ingested by the AWS Platform suite, or a transformer removed it.',
      fields: {
        name: 'Name',
        visibility: 'Visibility',
        recordCount: 'Records',
        nameServers: 'Name servers',
        parentZone: 'Parent zone',
        console: 'AWS console',
      },
      visibility: {
        public: 'Public',
        private: 'Private',
      },
      noParentZone: 'None in the organization',
      theParentZone: 'the parent zone',
      delegation: {
        title: 'Delegation',
      },
      status: {
        'in-sync': 'In sync',
        drift: 'Drift',
        'not-delegated': 'Not delegated',
        'no-parent': 'No parent zone',
        unknown: 'Unknown',
      },
      explain: {
        'in-sync':
          'The NS record for {{zone}} in {{parent}} lists exactly the name servers of this zone.',
        drift:
          "The NS record for {{zone}} in {{parent}} does not match this zone's name servers. Resolvers follow the parent's record, so some queries go to name servers that do not serve this zone and fail. Change the NS record in {{parent}} so that it lists exactly this zone's name servers.",
        'not-delegated':
          '{{parent}} has no NS record for {{zone}}, so the zone cannot be resolved from the internet. Add an NS record for {{zone}} in {{parent}} with these name servers:',
        'not-delegated-private':
          'Private zones are answered inside their VPCs; Route 53 Resolver does not follow NS delegations, so no delegation is expected.',
        'no-parent':
          'No zone of the organization is the parent of this one: it is delegated elsewhere (for example by the domain registrar), which the portal cannot check.',
        'no-parent-private':
          'No private zone of this account is the parent of this one.',
        unknown:
          'The delegation could not be checked: an account that may hold the parent zone could not be read.',
      },
      drift: {
        title: 'Delegation drift between {{parent}} and {{zone}}',
        missing: "Missing from {{parent}}'s NS record (add them):",
        missingLabel: 'Name servers to add to the parent',
        extra:
          "In {{parent}}'s NS record but not a name server of this zone (remove them):",
        extraLabel: 'Name servers to remove from the parent',
      },
      notDelegated: {
        title: '{{zone}} is not delegated from {{parent}}',
      },
    },
    backupCard: {
      vaultTitle: 'AWS Backup vault',
      vaultMissing:
        'This entity has no spec.vault: it was not ingested by the AWS Platform suite, or a transformer removed it.',
      planTitle: 'AWS Backup plan',
      planMissing:
        'This entity has no spec.plan: it was not ingested by the AWS Platform suite, or a transformer removed it.',
      fields: {
        vaultType: 'Vault type',
        lock: 'Vault Lock',
        retention: 'Retention',
        recoveryPoints: 'Recovery points',
        created: 'Created',
        region: 'Region',
        encryptionKey: 'Encryption key',
        writtenBy: 'Plans writing here',
        planId: 'Plan id',
        copiesToAccounts: 'Copies to accounts',
        writesTo: 'Vaults it writes to',
        console: 'AWS console',
      },
      vaultType: {
        standard: 'Backup vault',
        airGapped: 'Logically air-gapped vault',
      },
      lock: {
        locked: 'Locked',
        unlocked: 'Not locked',
        unknown: 'Unknown',
      },
      retention: {
        range: '{{min}} to {{max}} days',
        min: 'At least {{min}} days',
        max: 'At most {{max}} days',
        none: 'Not enforced',
      },
      noPlans: 'No plan in the catalog writes to this vault.',
      noCrossAccountCopy: 'None: no copy leaves this account',
      vaultElsewhere: '{{name}} in account {{accountId}} ({{region}})',
      loadingVaults: 'Loading the vaults this plan writes to',
      lifecycle: {
        cold: 'cold storage after {{days}} days',
        delete: 'deleted after {{days}} days',
        forever: 'kept until deleted by hand',
      },
      rules: {
        title: 'Rules',
        none: 'This plan has no rules: it backs up nothing.',
        name: 'Rule',
        schedule: 'Schedule',
        windows: 'Windows',
        lifecycle: 'Recovery points',
        target: 'Vault',
        copies: 'Copies to',
        onDemand: 'No schedule',
        startWindow: 'starts within {{minutes}} min',
        completionWindow: 'completes within {{minutes}} min',
        noCopy: 'No copy',
      },
      selections: {
        title: 'Resources selected',
        none: 'No selections: this plan protects no resources.',
        unknown:
          'Unknown: the selections could not be read (backup:ListBackupSelections).',
        tag: 'Tag {{key}} {{operator}} {{value}}',
        resources: 'Resources: {{resources}}',
        notResources: 'Except: {{resources}}',
      },
    },
    serviceCard: {
      title: 'Where it runs in AWS',
      loading: 'Loading the AWS resources this component depends on',
      summary: '{{stages}} · {{clusters}} · {{zones}}',
      stages_one: '{{count, number}} stage',
      stages_other: '{{count, number}} stages',
      clusters_one: '{{count, number}} EKS cluster',
      clusters_other: '{{count, number}} EKS clusters',
      zones_one: '{{count, number}} DNS zone',
      zones_other: '{{count, number}} DNS zones',
      owner: 'Owner',
      stage: '{{name}} stage',
      fields: {
        account: 'AWS account',
        cluster: 'EKS cluster',
        host: 'Host',
        zone: 'DNS zone',
        backup: 'Backup',
      },
      account: '{{title}} ({{accountId}})',
      accountOwner: 'owned by',
      accountNotInCatalog: 'Account {{accountId}}, not in the catalog',
      noCluster: 'No EKS cluster among its dependencies',
      clusterVersion: 'Kubernetes {{version}}',
      clusterNoVersion: 'Kubernetes version not known',
      noZone: 'No DNS zone among its dependencies',
      noHost: 'No link to a host in {{zones}}',
      delegation: {
        'in-sync': '{{parent}} delegates it correctly',
        drift:
          "{{parent}}'s NS record does not match the zone's name servers, so some lookups of its hosts fail",
        'not-delegated':
          '{{parent}} does not delegate it, so its hosts cannot be found from the internet',
        'not-delegated-private': 'A private zone, answered inside its VPCs',
        'no-parent':
          'Delegated from outside the organization (for example the domain registrar); not checked',
        unknown: 'The delegation could not be checked',
      },
      frequency: {
        hourly: 'hourly',
        'several-daily': 'several times a day',
        daily: 'daily',
        'several-weekly': 'on some days of the week',
        weekly: 'weekly',
        monthly: 'monthly',
        custom: 'on a custom schedule',
        'on-demand': 'only when started by hand',
      },
      backup: {
        backedUp: 'Backed up {{frequency}}',
        backedUpNoFrequency: 'Backed up',
        copied: 'copied to the Backup account',
        'copied-elsewhere':
          'copied out of the account ({{accounts}}) but not to the Backup account',
        'not-copied': 'not copied to the Backup account',
        'no-selection': 'Not backed up: its backup plans select no resources',
        none: 'Not backed up',
        unknown: "Not known: the account's backups could not be read",
        lastRecoveryPoint: 'last recovery point {{time}}',
        noRecentRecoveryPoint: 'no recovery point in the last {{days}} days',
        selectionsUnknown:
          'Which resources the plans select could not be read, so whether they include this service is not known.',
      },
      missing_one: '{{count, number}} dependency is not in the catalog',
      missing_other: '{{count, number}} dependencies are not in the catalog',
      missingDescription:
        'Not ingested yet, removed, or not visible to you; the card leaves them out:',
      missingLabel: 'Dependencies not in the catalog',
    },
    live: {
      title: 'Live from AWS',
      readAt: 'Read from AWS at {{time}}',
      refresh: 'Read again',
      errors: {
        forbidden:
          'You are not allowed to see the live AWS status (permission aws-platform.live-status.read). Ask the platform team for access.',
        'not-found':
          'Not found: this entity or its AWS resource no longer exists, or you may not see it.',
        'bad-request':
          'This entity has no live status: it lacks what the portal needs to find it in AWS.',
        unavailable:
          'AWS could not be read just now (throttled, or a role the portal could not assume). Try again in a minute.',
        unreachable: 'The portal backend could not be reached.',
        other: 'The live status could not be loaded.',
      },
      gaps: {
        denied: "Not shown: the portal's AWS role may not call {{action}}.",
        unavailable: 'Not shown: this AWS endpoint does not serve {{action}}.',
      },
      health: {
        ok: 'OK',
        label: 'Health issues',
      },
      cluster: {
        status: 'Cluster status',
        supportType: 'Upgrade policy',
        health: 'Health',
        nodegroups: {
          title: 'Node groups',
          none: 'No managed node groups.',
          name: 'Name',
          status: 'Status',
          size: 'Nodes (min–max)',
          version: 'Version',
          capacityType: '{{capacity}} capacity',
          health: 'Health',
        },
        addons: {
          title: 'Add-ons',
          none: 'No EKS add-ons installed.',
          name: 'Add-on',
          version: 'Version',
          status: 'Status',
          health: 'Health',
        },
        insights: {
          title: 'Upgrade insights',
          none: 'EKS reports no upgrade insights for this cluster.',
          name: 'Insight',
          version: 'For Kubernetes',
          status: 'Status',
          reason: 'Finding',
          states: {
            ERROR: 'Error',
            WARNING: 'Warning',
            PASSING: 'Passing',
            UNKNOWN: 'Unknown',
          },
        },
      },
      zone: {
        title: 'Delegation checked now',
        zoneServers: 'Name servers of {{zone}}',
        parentRecord: "{{parent}}'s NS record for {{zone}}",
        noRecord: 'None: {{parent}} has no NS record for {{zone}}.',
        ttl: 'TTL {{ttl}} s',
        explain: {
          'in-sync':
            "{{parent}}'s NS record for {{zone}} lists exactly this zone's name servers.",
          drift:
            "{{parent}}'s NS record for {{zone}} does not match this zone's name servers. Change it in {{parent}}:",
          'not-delegated':
            '{{parent}} has no NS record for {{zone}}. Add one in {{parent}} with these name servers:',
          'no-parent':
            'The catalog knows no parent zone of {{zone}} in the organization, so there is no delegation to check.',
          unknown:
            'You may not see the parent zone in the catalog, so its delegation cannot be checked for you.',
        },
        differs:
          'The catalog still says "{{catalog}}" from its last refresh; it catches up at the next one.',
        add: 'Add to the parent',
        remove: 'Remove from the parent',
      },
      backup: {
        window:
          'Created in the last {{days}} days, newest first, at most {{max}} per list.',
        empty: 'No backup activity in the last {{days}} days',
        emptyDescription:
          'AWS Backup created no backup job, copy job or recovery point here in this window. Check the plan’s schedule and its resource selection.',
        truncated: 'Only the latest {{max}} are shown; AWS holds more.',
        jobs: {
          title: 'Backup jobs',
          none: 'No backup job in this window.',
        },
        copyJobs: {
          title: 'Copy jobs',
          none: 'No copy job in this window.',
        },
        recoveryPoints: {
          title: 'Recovery points',
          none: 'No recovery point created in this window.',
        },
        columns: {
          state: 'State',
          resource: 'Resource',
          created: 'Created',
          completed: 'Completed',
          size: 'Size',
          message: 'Message',
          destination: 'Copied to',
          source: 'Copied from',
          deleteAt: 'Deleted on',
        },
        vaultIn: '{{name}} in {{accountId}} ({{region}})',
      },
    },
    ownership: {
      title: 'Ownership review',
      subtitle:
        'Every AWS entity of the organization with its owner and where that owner came from',
      empty:
        'No AWS Platform entities in the catalog yet. Check catalog.providers.awsPlatform in the backend config and the backend logs.',
      summary_one: '{{count}} entity, {{flagged}} flagged',
      summary_other: '{{count}} entities, {{flagged}} flagged',
      export: 'Export CSV',
      filters: {
        label: 'Filters',
        all: 'All',
        type: 'Type',
        role: 'Role',
        ou: 'Organizational unit',
        owner: 'Owner',
        flaggedOnly: 'Only flagged',
        search: 'Search entities',
        searchPlaceholder: 'Entity, account, owner or OU',
      },
      columns: {
        entityRef: 'Entity ref',
        entity: 'Entity',
        type: 'Type',
        accountId: 'Account id',
        account: 'Account',
        role: 'Role',
        ou: 'OU',
        owner: 'Owner',
        ownerSource: 'Owner source',
        ownership: 'Ownership',
        severity: 'Severity',
        flags: 'Flags',
        reasons: 'Reasons',
      },
      types: {
        'aws-account': 'AWS account',
        'aws-organizational-unit': 'Organizational unit',
        'dns-zone': 'DNS zone',
        'kubernetes-cluster': 'EKS cluster',
        'aws-backup-vault': 'Backup vault',
        'aws-backup-plan': 'Backup plan',
      },
      origins: {
        tagged: 'Tagged',
        inherited: 'Inherited from account',
        role: 'Role (config)',
        default: 'Default (config)',
        unrecorded: 'Not recorded',
      },
      severities: {
        high: 'High',
        medium: 'Medium',
        low: 'Low',
      },
      flags: {
        'owner-not-found': 'Owner not in the catalog',
        'account-not-tagged': 'No owner tag',
        'owner-contradicts-account': 'Contradicts account owner',
      },
      reasons: {
        'owner-not-found': '{{owner}} names no group or user in the catalog',
        'account-not-tagged-role':
          'No owner tag on the account: {{owner}} comes from roleOwners in config',
        'account-not-tagged-default':
          'No owner tag on the account: {{owner}} is the default owner, chosen by nobody',
        'owner-contradicts-account':
          'Tagged {{owner}}, but its account belongs to {{accountOwner}}',
      },
      noGroupSource:
        'The catalog holds no groups besides the default owner, so owners are not checked against it: add a group source (Identity Center, an org file) to check them.',
    },
    changesReview: {
      planning: 'Reading AWS with your permissions to plan the changes…',
      nothing:
        'Nothing to change: everything this request needs already exists as asked.',
      summary_one: '{{count}} change in {{accounts}}',
      summary_other: '{{count}} changes in {{accounts}}',
      accounts_one: '{{count}} account',
      accounts_other: '{{count}} accounts',
      refusedTitle: 'The changes were refused, nothing was changed',
      failedTitle: 'The changes could not be planned',
      planAgain: 'Plan again',
      noTemplate:
        'This field plans the changes of the template it is in: use it in a template page of the scaffolder.',
    },
    optionalStep: {
      unavailable:
        'Not offered here: this Backstage has no {{actions}} action. The platform team can install the scaffolder module that provides it.',
      unknown: 'The installed actions could not be read: {{message}}',
    },
    catalogColumns: {
      type: 'Type',
      partOf: 'Part of',
    },
    renderedFiles: {
      title: 'Rendered files',
      subtitle: 'What {{template}} rendered, kept with its task for download',
      subtitleNoTemplate: 'What the task rendered, kept with it for download',
      summary_one: '{{count, number}} file, a {{size}} zip archive',
      summary_other: '{{count, number}} files, a {{size}} zip archive',
      download: 'Download {{fileName}}',
      columns: {
        path: 'File',
        size: 'Size',
      },
      running:
        'The task is still running: its rendered files can be downloaded once it completes.',
      ended:
        'The task ended as {{status}}, so it kept no rendered files. Its page says why; run it again to resume.',
      noneTitle: 'This task kept no rendered files',
      noneDescription:
        'A template keeps them when it does not publish a repository (the aws-platform:rendered-files:keep action). The task page lists what it made.',
      loadFailed: 'The task could not be read',
    },
    resourcePicker: {
      chooseAccountFirst: 'Choose the account first: this lists its resources.',
      noneToChoose: 'None in the catalog for this choice.',
      loadFailed: 'The catalog could not be read: {{message}}',
    },
  },
});
