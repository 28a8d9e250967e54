// The telemetry guide's table is what a subscriber writes its code from: each family and event it
// lists is one the console publishes, under exactly that name, and every published event is in it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { telemetryContract } from '../../../core/index.ts';

const guide = readFileSync(new URL('../../../docs/guides/telemetry.md', import.meta.url), 'utf8');

/** The (family, event, tags cell) rows of the guide's table of families, events and tags. */
function documentedEvents(): { family: string; event: string; tags: string }[] {
  const table = guide.slice(guide.indexOf('## Families, events and tags'));
  const rows: { family: string; event: string; tags: string }[] = [];
  let family = '';
  for (const line of table.split('\n')) {
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    if (cells.length !== 4 || !/^`\w+`$/.test(cells[1] ?? '')) continue;
    const named = /^`(\w+)` \(`ops-jobs:(\w+)`\)$/.exec(cells[0]!);
    if (named) {
      assert.equal(named[1], named[2], 'the channel is named after the family');
      family = named[1]!;
    }
    rows.push({ family, event: cells[1]!.slice(1, -1), tags: cells[2]! });
  }
  return rows;
}

test('every event in the guide is published under the name it shows, and every published event is in the guide', () => {
  const documented = documentedEvents();
  const families = telemetryContract.families as Record<string, { channel: string; events: Record<string, { tags: Record<string, readonly string[]> }> }>;
  for (const { family, event } of documented) {
    assert.ok(families[family]?.events[event], `${family} ${event} is in the contract`);
    assert.equal(families[family]!.channel, `ops-jobs:${family}`);
  }
  const published = Object.entries(families).flatMap(([family, { events }]) => Object.keys(events).map((event) => `${family} ${event}`));
  assert.deepEqual(documented.map(({ family, event }) => `${family} ${event}`).sort(), published.sort());
});

test("each tag value the guide lists for an event's own tags is one the contract allows", () => {
  const families = telemetryContract.families as Record<string, { events: Record<string, { tags: Record<string, readonly string[]> }> }>;
  for (const { family, event, tags } of documentedEvents()) {
    for (const [, key, values] of tags.matchAll(/`(\w+)`: ((?:`[^`]+` ?)+)/g)) {
      if (key === 'route') continue;
      const allowed = families[family]!.events[event]!.tags[key!];
      assert.ok(allowed, `${family} ${event} has a tag ${key}`);
      for (const [, value] of values!.matchAll(/`([^`]+)`/g)) assert.ok(allowed.includes(value!), `${family} ${event} ${key}=${value} is allowed`);
    }
  }
});
