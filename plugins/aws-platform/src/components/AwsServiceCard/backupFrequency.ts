/*
 * How often a backup plan runs, in a word a developer reads without knowing
 * EventBridge's cron syntax: from the schedules of the plan's rules
 * (`cron(minutes hours day-of-month month day-of-week year)` or
 * `rate(n unit)`, UTC).
 */

/**
 * How often backups run, most frequent first. `custom` is a schedule this
 * reading does not put in words; `on-demand` is a plan without a schedule.
 */
export type BackupFrequency =
  | 'hourly'
  | 'several-daily'
  | 'daily'
  | 'several-weekly'
  | 'weekly'
  | 'monthly'
  | 'custom'
  | 'on-demand';

const ORDER: BackupFrequency[] = [
  'hourly',
  'several-daily',
  'daily',
  'several-weekly',
  'weekly',
  'monthly',
  'custom',
  'on-demand',
];

const isEvery = (field: string) => field === '*' || field === '?';
const isSingle = (field: string) => /^[0-9A-Za-z]+$/.test(field);

function cronFrequency(fields: string[]): BackupFrequency {
  if (fields.length !== 6) return 'custom';
  const [, hours, dayOfMonth, month, dayOfWeek] = fields;
  if (!isEvery(month)) return 'custom';
  if (!isSingle(hours)) {
    if (!isEvery(dayOfMonth) || !isEvery(dayOfWeek)) return 'custom';
    return hours === '*' ? 'hourly' : 'several-daily';
  }
  if (isEvery(dayOfMonth) && isEvery(dayOfWeek)) return 'daily';
  if (isEvery(dayOfMonth)) {
    if (dayOfWeek.includes('#') || dayOfWeek.endsWith('L')) return 'monthly';
    return isSingle(dayOfWeek) ? 'weekly' : 'several-weekly';
  }
  if (isEvery(dayOfWeek) && (isSingle(dayOfMonth) || dayOfMonth === 'L')) {
    return 'monthly';
  }
  return 'custom';
}

function rateFrequency(value: number, unit: string): BackupFrequency {
  if (unit.startsWith('minute')) return value <= 60 ? 'hourly' : 'custom';
  if (unit.startsWith('hour')) {
    if (value <= 1) return 'hourly';
    if (value < 24) return 'several-daily';
    return value === 24 ? 'daily' : 'custom';
  }
  if (value === 1) return 'daily';
  return value === 7 ? 'weekly' : 'custom';
}

/** How often one schedule expression runs. */
export function scheduleFrequency(expression: string): BackupFrequency {
  const text = expression.trim();
  const cron = /^cron\((.*)\)$/.exec(text);
  if (cron) return cronFrequency(cron[1].trim().split(/\s+/));
  const rate = /^rate\((\d+)\s+(minutes?|hours?|days?)\)$/.exec(text);
  if (rate) return rateFrequency(Number(rate[1]), rate[2]);
  return 'custom';
}

/**
 * How often the rules of an account's plans back up, together: the most
 * frequent schedule that can be put in words; `custom` when none can, and
 * `on-demand` when no rule has a schedule.
 */
export function backupFrequency(
  schedules: Array<string | undefined>,
): BackupFrequency {
  const known = schedules
    .filter((s): s is string => Boolean(s))
    .map(scheduleFrequency);
  if (known.length === 0) return 'on-demand';
  return known.reduce((best, next) =>
    ORDER.indexOf(next) < ORDER.indexOf(best) ? next : best,
  );
}
