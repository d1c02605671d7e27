import { backupFrequency, scheduleFrequency } from './backupFrequency';

describe('scheduleFrequency', () => {
  it.each([
    ['cron(0 2 * * ? *)', 'daily'],
    ['cron(0 5 ? * * *)', 'daily'],
    ['cron(0 * * * ? *)', 'hourly'],
    ['cron(0 */4 * * ? *)', 'several-daily'],
    ['cron(0 1,13 * * ? *)', 'several-daily'],
    ['cron(0 3 ? * SUN *)', 'weekly'],
    ['cron(0 3 ? * MON-FRI *)', 'several-weekly'],
    ['cron(0 3 1 * ? *)', 'monthly'],
    ['cron(0 3 L * ? *)', 'monthly'],
    ['cron(0 3 ? * MON#1 *)', 'monthly'],
    ['cron(0 3 1 JAN ? *)', 'custom'],
    ['cron(0 3 * *)', 'custom'],
    ['rate(1 hour)', 'hourly'],
    ['rate(12 hours)', 'several-daily'],
    ['rate(1 day)', 'daily'],
    ['rate(7 days)', 'weekly'],
    ['rate(3 days)', 'custom'],
    ['at(2026-01-01T00:00:00)', 'custom'],
  ])('reads %s as %s', (expression, frequency) => {
    expect(scheduleFrequency(expression)).toBe(frequency);
  });
});

describe('backupFrequency', () => {
  it('takes the most frequent schedule of the rules', () => {
    expect(backupFrequency(['cron(0 3 ? * SUN *)', 'cron(0 2 * * ? *)'])).toBe(
      'daily',
    );
  });

  it('prefers a schedule it can say to one it cannot', () => {
    expect(backupFrequency(['cron(0 3 1 JAN ? *)', 'rate(7 days)'])).toBe(
      'weekly',
    );
    expect(backupFrequency(['cron(0 3 1 JAN ? *)'])).toBe('custom');
  });

  it('says on demand when no rule has a schedule', () => {
    expect(backupFrequency([undefined])).toBe('on-demand');
    expect(backupFrequency([])).toBe('on-demand');
  });
});
