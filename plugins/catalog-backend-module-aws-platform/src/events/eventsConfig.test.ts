import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import { readIngestionConfigs } from '../ingestionConfig';

function eventsOf(events: JsonValue | undefined) {
  return readIngestionConfigs(
    new ConfigReader({
      catalog: {
        providers: {
          awsPlatform: { defaultOwner: 'group:default/platform', events },
        },
      },
    }),
  )[0].events;
}

describe('events config', () => {
  it('is off unless enabled', () => {
    expect(eventsOf(undefined)).toBeUndefined();
    expect(eventsOf({ topic: 'x' })).toBeUndefined();
    expect(eventsOf({ enabled: false })).toBeUndefined();
  });

  it('has a topic and a coalescing window of 5 seconds by default', () => {
    expect(eventsOf({ enabled: true })).toEqual({
      topic: 'aws-platform-cloudtrail',
      coalesceWindowMs: 5_000,
    });
  });

  it('reads the topic and the window as a string or an object', () => {
    expect(
      eventsOf({ enabled: true, topic: 'cloudtrail', coalesceWindow: '2s' }),
    ).toEqual({ topic: 'cloudtrail', coalesceWindowMs: 2_000 });
    expect(
      eventsOf({ enabled: true, coalesceWindow: { milliseconds: 500 } }),
    ).toEqual({ topic: 'aws-platform-cloudtrail', coalesceWindowMs: 500 });
  });

  it('reads how long account tags may be carried, off by default', () => {
    expect(eventsOf({ enabled: true, accountTagsMaxAge: '6h' })).toEqual({
      topic: 'aws-platform-cloudtrail',
      coalesceWindowMs: 5_000,
      accountTagsMaxAgeMs: 6 * 3_600_000,
    });
    expect(
      eventsOf({ enabled: true, accountTagsMaxAge: { days: 1 } })
        ?.accountTagsMaxAgeMs,
    ).toBe(24 * 3_600_000);
  });

  it("reads how long a replica's hold on its changes lasts", () => {
    expect(
      eventsOf({ enabled: true, replicaLease: '90s' })?.replicaLeaseMs,
    ).toBe(90_000);
    expect(eventsOf({ enabled: true })?.replicaLeaseMs).toBeUndefined();
  });

  it('is read per organization', () => {
    const configs = readIngestionConfigs(
      new ConfigReader({
        catalog: {
          providers: {
            awsPlatform: {
              prod: {
                defaultOwner: 'group:default/platform',
                events: { enabled: true, topic: 'prod-trail' },
              },
              acquired: { defaultOwner: 'group:default/platform' },
            },
          },
        },
      }),
    );
    expect(configs.map(c => [c.id, c.events?.topic])).toEqual([
      ['prod', 'prod-trail'],
      ['acquired', undefined],
    ]);
  });

  it.each([
    [
      { enabled: true, topic: 'aws.cloudtrail' },
      /events\.topic: 'aws\.cloudtrail'/,
    ],
    [{ enabled: true, topic: 'aws platform' }, /events\.topic: 'aws platform'/],
    [
      { enabled: true, coalesceWindow: 'soon' },
      /events\.coalesceWindow is not a duration/,
    ],
    [{ enabled: true, coalesceWindow: '1h' }, /from 0 to 10 minutes/],
    [
      { enabled: true, coalesceWindow: { seconds: -1 } },
      /from 0 to 10 minutes/,
    ],
    [
      { enabled: true, accountTagsMaxAge: 'often' },
      /events\.accountTagsMaxAge is not a duration/,
    ],
    [{ enabled: true, accountTagsMaxAge: { days: 8 } }, /at most 7 days/],
    [{ enabled: true, accountTagsMaxAge: '0s' }, /more than 0/],
    [{ enabled: true, replicaLease: '1s' }, /from 3 seconds to 10 minutes/],
    [
      { enabled: true, replicaLease: { hours: 1 } },
      /events\.replicaLease must be from 3 seconds/,
    ],
  ])('refuses %j with an InputError naming the key', (events, message) => {
    const read = () => eventsOf(events);
    expect(read).toThrow(InputError);
    expect(read).toThrow(message);
  });
});
