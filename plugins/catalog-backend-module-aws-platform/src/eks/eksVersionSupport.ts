/** Where a Kubernetes version stands in Amazon EKS's support calendar. */
export type EksVersionSupportStatus =
  | 'standard'
  | 'extended'
  | 'unsupported'
  | 'unknown';

/** One row of the EKS release calendar. Dates are days in UTC. */
export type EksVersionCalendarEntry = {
  /** Kubernetes minor version, e.g. `1.33`. */
  version: string;
  /** Available in Amazon EKS from this day. */
  eksRelease: string;
  /** Extended support (and its billing) starts on this day. */
  endOfStandardSupport: string;
  /** From this day the version is unsupported and EKS upgrades the control plane. */
  endOfExtendedSupport: string;
};

/**
 * The Amazon EKS Kubernetes release calendar, oldest first. Maintain by hand
 * from https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html#kubernetes-release-calendar
 * (source: awsdocs/amazon-eks-user-guide latest/ug/versioning/kubernetes-versions.adoc;
 * 1.23 to 1.26 have left that table and are taken from its earlier versions,
 * as collected in endoflife-date/endoflife.date products/amazon-eks.md).
 * Checked 2026-11-25. 1.36 is available in EKS but its dates were not
 * published in any copy we could read, so it reports `unknown` until added.
 * `aws eks describe-cluster-versions` returns the same dates per region.
 */
export const EKS_VERSION_CALENDAR: readonly EksVersionCalendarEntry[] = [
  row('1.23', '2022-08-11', '2023-10-11', '2024-10-11'),
  row('1.24', '2022-11-15', '2024-01-31', '2025-01-31'),
  row('1.25', '2023-02-21', '2024-05-01', '2025-05-01'),
  row('1.26', '2023-04-11', '2024-06-11', '2025-06-11'),
  row('1.27', '2023-05-24', '2024-07-24', '2025-07-24'),
  row('1.28', '2023-09-26', '2024-11-26', '2025-11-26'),
  row('1.29', '2024-01-23', '2025-03-23', '2026-03-23'),
  row('1.30', '2024-05-23', '2025-07-23', '2026-07-23'),
  row('1.31', '2024-09-26', '2025-11-26', '2026-11-26'),
  row('1.32', '2025-01-23', '2026-03-23', '2027-03-23'),
  row('1.33', '2025-05-29', '2026-07-29', '2027-07-29'),
  row('1.34', '2025-10-02', '2026-12-02', '2027-12-02'),
  row('1.35', '2026-01-27', '2027-03-27', '2028-03-27'),
];

/** A version's support status on a day, with the dates the UI shows. */
export type EksVersionSupport = {
  status: EksVersionSupportStatus;
  /** `YYYY-MM-DD`, when the version is in the calendar. */
  endOfStandardSupport?: string;
  endOfExtendedSupport?: string;
};

/**
 * The support status of an EKS Kubernetes version (`1.33`, or `1.33.2`) on
 * `today`. Each date starts at 00:00 UTC, as AWS bills extended support from
 * the beginning of the day standard support ends.
 */
export function eksVersionSupport(
  version: string,
  today: Date,
): EksVersionSupport {
  const minor = parseMinor(version);
  if (!minor) return { status: 'unknown' };
  const entry = EKS_VERSION_CALENDAR.find(
    e => e.version === `${minor.major}.${minor.minor}`,
  );
  if (!entry) return { status: olderThanCalendar(minor, today) };

  const now = today.getTime();
  let status: EksVersionSupportStatus = 'unsupported';
  if (now < startOfDay(entry.endOfStandardSupport)) status = 'standard';
  else if (now < startOfDay(entry.endOfExtendedSupport)) status = 'extended';
  return {
    status,
    endOfStandardSupport: entry.endOfStandardSupport,
    endOfExtendedSupport: entry.endOfExtendedSupport,
  };
}

// A version older than the calendar's oldest ended no later than it did;
// a newer one (or a far-future major) is simply not known yet.
function olderThanCalendar(
  version: { major: number; minor: number },
  today: Date,
): EksVersionSupportStatus {
  const oldest = EKS_VERSION_CALENDAR[0];
  const oldestMinor = parseMinor(oldest.version)!;
  const older =
    version.major < oldestMinor.major ||
    (version.major === oldestMinor.major && version.minor < oldestMinor.minor);
  return older && today.getTime() >= startOfDay(oldest.endOfExtendedSupport)
    ? 'unsupported'
    : 'unknown';
}

function parseMinor(
  version: string,
): { major: number; minor: number } | undefined {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  return match
    ? { major: Number(match[1]), minor: Number(match[2]) }
    : undefined;
}

function startOfDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function row(
  version: string,
  eksRelease: string,
  endOfStandardSupport: string,
  endOfExtendedSupport: string,
): EksVersionCalendarEntry {
  return { version, eksRelease, endOfStandardSupport, endOfExtendedSupport };
}
