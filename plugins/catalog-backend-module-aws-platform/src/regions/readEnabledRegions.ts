import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';

/** Regions an account can use: on by default, or turned on by its owner. */
const ENABLED_STATUSES = new Set(['opt-in-not-required', 'opted-in']);

/** A region name as AWS spells it, e.g. `us-east-1`, `ap-southeast-2`. */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The regions the account behind `ec2` has enabled (EC2 DescribeRegions,
 * one call), sorted. Only `ec2:DescribeRegions` in the account's role is
 * needed, unlike `account:ListRegions`, which only the management account or
 * a delegated administrator may call.
 *
 * An answer without any enabled region is not taken as "read nothing": every
 * account has regions it cannot turn off, so it throws instead and the
 * account's regional entities are kept.
 */
export async function readEnabledRegions(ec2: EC2Client): Promise<string[]> {
  const { Regions = [] } = await ec2.send(
    new DescribeRegionsCommand({ AllRegions: false }),
  );
  // AllRegions: false already leaves out regions not opted in; the status is
  // checked again so that a region turned off is never read.
  const regions = Regions.filter(
    region =>
      region.RegionName !== undefined &&
      REGION_NAME.test(region.RegionName) &&
      ENABLED_STATUSES.has(region.OptInStatus ?? ''),
  ).map(region => region.RegionName!);
  if (regions.length === 0) {
    throw Object.assign(
      new Error('DescribeRegions named no enabled region for the account'),
      { name: 'NoEnabledRegions' },
    );
  }
  return [...new Set(regions)].sort();
}
