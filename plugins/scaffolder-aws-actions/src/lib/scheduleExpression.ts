import { InputError } from '@backstage/errors';
import { quoteInput } from './inputText';

const MONTHS = [
  'JAN',
  'FEB',
  'MAR',
  'APR',
  'MAY',
  'JUN',
  'JUL',
  'AUG',
  'SEP',
  'OCT',
  'NOV',
  'DEC',
];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldSpec {
  name: string;
  min: number;
  max: number;
  /** Names standing for min, min + 1, ... (months, days of the week). */
  names?: string[];
}

const HOURS: FieldSpec = { name: 'hours', min: 0, max: 23 };
const DAY_OF_MONTH: FieldSpec = { name: 'day-of-month', min: 1, max: 31 };
const MONTH: FieldSpec = { name: 'month', min: 1, max: 12, names: MONTHS };
const DAY_OF_WEEK: FieldSpec = {
  name: 'day-of-week',
  min: 1,
  max: 7,
  names: DAYS,
};
const YEAR: FieldSpec = { name: 'year', min: 1970, max: 2199 };

/**
 * Checks an AWS Backup schedule: `cron(minutes hours day-of-month month
 * day-of-week year)` in the EventBridge syntax (UTC), or `rate(n unit)`.
 * AWS Backup starts a rule at most once an hour, so the minutes field is a
 * single number and a rate is at least an hour. Returns the trimmed
 * expression or throws an InputError saying what is wrong.
 */
export function validateScheduleExpression(
  value: string,
  field = 'schedule',
): string {
  const expression = value.trim();
  const fail = (reason: string): never => {
    throw new InputError(`${field} ${quoteInput(expression)} ${reason}`);
  };
  const rate = /^rate\((.*)\)$/.exec(expression);
  if (rate) {
    const match = /^(\d{1,6}) (minute|minutes|hour|hours|day|days)$/.exec(
      rate[1],
    );
    if (!match) {
      return fail(
        "is not a rate expression such as 'rate(12 hours)' or 'rate(1 day)'",
      );
    }
    const amount = Number(match[1]);
    const unit = match[2];
    if (amount < 1) {
      return fail('must repeat after at least 1 unit');
    }
    if ((amount === 1) !== !unit.endsWith('s')) {
      return fail(
        amount === 1
          ? `must use the singular unit: 'rate(1 ${unit.replace(/s$/, '')})'`
          : `must use the plural unit: 'rate(${amount} ${unit}s)'`,
      );
    }
    if (unit.startsWith('minute') && amount < 60) {
      return fail(
        'repeats more often than once an hour, which AWS Backup refuses',
      );
    }
    return expression;
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) {
    return fail(
      "is neither a cron(...) nor a rate(...) expression, e.g. 'cron(0 2 * * ? *)'",
    );
  }
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) {
    return fail(
      `has ${fields.length} fields; AWS cron expressions have 6: minutes hours day-of-month month day-of-week year`,
    );
  }
  const [minutes, hours, dayOfMonth, month, dayOfWeek, year] = fields;
  if (!/^\d{1,2}$/.test(minutes) || Number(minutes) > 59) {
    return fail(
      'must have a single minute 0-59: AWS Backup starts a rule at most once an hour',
    );
  }
  const checks: [string, FieldSpec, ((item: string) => boolean)?][] = [
    [hours, HOURS],
    [
      dayOfMonth,
      DAY_OF_MONTH,
      item =>
        item === 'L' || item === 'LW' || /^([1-9]|[12]\d|3[01])W$/.test(item),
    ],
    [month, MONTH],
    [
      dayOfWeek,
      DAY_OF_WEEK,
      item =>
        /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)L$/.test(item) ||
        /^([1-7]|SUN|MON|TUE|WED|THU|FRI|SAT)#[1-5]$/.test(item) ||
        item === 'L',
    ],
    [year, YEAR],
  ];
  for (const [text, spec, special] of checks) {
    if (text === '?' && spec.name.startsWith('day-of-')) continue;
    const problem = checkField(text.toUpperCase(), spec, special);
    if (problem) {
      return fail(
        `has an invalid ${spec.name} field ${quoteInput(text)}: ${problem}`,
      );
    }
  }
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) {
    return fail(
      "must have '?' in exactly one of day-of-month and day-of-week, e.g. 'cron(0 2 * * ? *)'",
    );
  }
  return expression;
}

function checkField(
  text: string,
  spec: FieldSpec,
  special?: (item: string) => boolean,
): string | undefined {
  for (const item of text.split(',')) {
    if (special?.(item)) continue;
    const [base, step, ...rest] = item.split('/');
    if (rest.length > 0) return `${quoteInput(item)} has more than one '/'`;
    if (step !== undefined && !/^[1-9]\d*$/.test(step)) {
      return `${quoteInput(item)} has an invalid step`;
    }
    if (base === '*') continue;
    const bounds = base.split('-');
    if (bounds.length > 2)
      return `${quoteInput(item)} is not a value or a range`;
    const numbers = bounds.map(bound => valueOf(bound, spec));
    if (numbers.some(n => n === undefined)) {
      return `${quoteInput(item)} is outside ${spec.min}-${spec.max}${
        spec.names ? ` or ${spec.names[0]}-${spec.names.at(-1)}` : ''
      }`;
    }
  }
  return undefined;
}

function valueOf(text: string, spec: FieldSpec): number | undefined {
  const named = spec.names?.indexOf(text) ?? -1;
  if (named >= 0) return spec.min + named;
  if (!/^\d{1,4}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= spec.min && n <= spec.max ? n : undefined;
}
