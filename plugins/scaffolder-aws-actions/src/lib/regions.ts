const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** Whether `value` looks like an AWS region name, e.g. `us-east-1`. */
export function isRegionName(value: string): boolean {
  return REGION.test(value);
}

/** The ARN partition of a region: `aws`, `aws-cn` or `aws-us-gov`. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
