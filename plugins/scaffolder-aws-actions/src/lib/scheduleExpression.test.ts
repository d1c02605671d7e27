import { InputError } from '@backstage/errors';
import { validateScheduleExpression } from './scheduleExpression';

describe('validateScheduleExpression', () => {
  it.each([
    'cron(0 2 * * ? *)',
    'cron(0 5 ? * * *)',
    'cron(30 3 ? * SUN *)',
    'cron(0 */4 * * ? *)',
    'cron(0 1,13 * * ? *)',
    'cron(15 0 1 * ? *)',
    'cron(0 0 L * ? *)',
    'cron(0 0 15W * ? *)',
    'cron(0 6 ? * MON-FRI *)',
    'cron(0 6 ? * 6L *)',
    'cron(0 6 ? * 2#1 *)',
    'cron(0 0 1 JAN,JUL ? 2027-2030)',
    'rate(1 hour)',
    'rate(12 hours)',
    'rate(60 minutes)',
    'rate(1 day)',
    'rate(7 days)',
  ])('accepts %s', expression => {
    expect(validateScheduleExpression(` ${expression} `)).toBe(expression);
  });

  it.each([
    ['', 'neither a cron'],
    ['0 2 * * ? *', 'neither a cron'],
    ['cron(0 2 * * ?)', 'has 5 fields'],
    ['cron(0 2 * * ? * *)', 'has 7 fields'],
    ['cron(* 2 * * ? *)', 'single minute'],
    ['cron(0/30 2 * * ? *)', 'single minute'],
    ['cron(60 2 * * ? *)', 'single minute'],
    ['cron(0 24 * * ? *)', 'invalid hours field'],
    ['cron(0 2 32 * ? *)', 'invalid day-of-month field'],
    ['cron(0 2 * 13 ? *)', 'invalid month field'],
    ['cron(0 2 * FOO ? *)', 'invalid month field'],
    ['cron(0 2 ? * 8 *)', 'invalid day-of-week field'],
    ['cron(0 2 * * ? 1969)', 'invalid year field'],
    ['cron(0 2 * * * *)', "'?' in exactly one"],
    ['cron(0 2 ? * ? *)', "'?' in exactly one"],
    ['cron(0 2/0 * * ? *)', 'invalid step'],
    ['cron(0 1-2-3 * * ? *)', 'not a value or a range'],
    ['rate(0 hours)', 'at least 1 unit'],
    ['rate(59 minutes)', 'more often than once an hour'],
    ['rate(1 hours)', 'singular unit'],
    ['rate(2 hour)', 'plural unit'],
    ['rate(2 weeks)', 'not a rate expression'],
  ])('refuses %j', (expression, reason) => {
    expect(() => validateScheduleExpression(expression)).toThrow(InputError);
    expect(() => validateScheduleExpression(expression)).toThrow(reason);
  });
});
