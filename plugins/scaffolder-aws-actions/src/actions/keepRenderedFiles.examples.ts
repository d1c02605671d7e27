import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** Examples shown in the action's documentation and run as tests. */
export const examples: TemplateExample[] = [
  {
    description:
      "Keep the rendered application and its Terraform for download when the template does not publish them, and link to them from the task's output",
    example: yaml.stringify({
      steps: [
        {
          id: 'files',
          action: 'aws-platform:rendered-files:keep',
          name: 'Keep the rendered files for download',
          if: '${{ not parameters.publish }}',
          input: { paths: ['app', 'infrastructure'], name: 'payments-api' },
        },
      ],
      output: {
        renderedFiles: '${{ steps.files.output.renderedFiles }}',
        links: [
          {
            title: 'Download the rendered files',
            url: '${{ steps.files.output.downloadPath }}',
          },
        ],
      },
    }),
  },
];
