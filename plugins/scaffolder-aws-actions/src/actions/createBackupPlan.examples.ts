import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown in the action's documentation and run as tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'A daily plan for the Sandbox account with the guide defaults: 02:00 UTC, cold storage after 90 days, deleted after 270, copied to the Backup account, resources tagged Backup=true, owned by the platform team',
    example: yaml.stringify({
      steps: [
        {
          id: 'backupPlan',
          action: 'aws-platform:backup:plan:create',
          name: 'Create the daily backup plan',
          input: {
            account: 'resource:default/account-210987654321',
            owner: 'group:default/platform-team',
            region: 'us-east-1',
            planName: 'sandbox-daily',
            schedule: 'cron(0 2 * * ? *)',
            coldStorageAfterDays: 90,
            deleteAfterDays: 270,
          },
        },
      ],
    }),
  },
  {
    description:
      'A weekly plan given by account id, kept 35 days, copied to the Backup account and to a second region of the same account, selecting resources tagged backup-tier=weekly, owned by the payments team with a cost-center tag',
    example: yaml.stringify({
      steps: [
        {
          id: 'backupPlan',
          action: 'aws-platform:backup:plan:create',
          name: 'Create the weekly backup plan',
          input: {
            account: '210987654321',
            owner: 'group:default/payments',
            region: 'us-east-1',
            planName: 'payments-weekly',
            schedule: 'cron(30 3 ? * SUN *)',
            startWindowMinutes: 120,
            completionWindowMinutes: 720,
            deleteAfterDays: 35,
            copyToBackupAccount: true,
            secondaryRegion: 'us-west-2',
            selectionTagKey: 'backup-tier',
            selectionTagValue: 'weekly',
            tags: { 'cost-center': 'cc-42' },
          },
        },
      ],
    }),
  },
];
