import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CALLS_BY_SOURCE } from './eventCalls';

// The README's EventBridge pattern is what users deploy: a call it leaves
// out never reaches the suite, and one the suite does not read costs
// messages for nothing. It must name exactly the calls the mapping reads.
const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const section = readme.slice(
  readme.indexOf('### Routing the events to one queue'),
);
const pattern = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]);

describe("the README's EventBridge pattern", () => {
  const sources = Object.keys(CALLS_BY_SOURCE);

  it('names every event source the suite reads, and its EventBridge source', () => {
    expect([...pattern.detail.eventSource].sort()).toEqual([...sources].sort());
    expect([...pattern.source].sort()).toEqual(
      sources.map(source => `aws.${source.split('.')[0]}`).sort(),
    );
  });

  it('names every call the suite reads, and no other', () => {
    const calls = new Set(
      Object.values(CALLS_BY_SOURCE).flatMap(set => [...set]),
    );
    expect([...new Set(pattern.detail.eventName)].sort()).toEqual(
      [...calls].sort(),
    );
    expect(pattern.detail.eventName).toHaveLength(
      new Set(pattern.detail.eventName).size,
    );
  });
});
