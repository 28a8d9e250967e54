import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as wait } from 'node:timers/promises';
import { createChangeFeed } from '../../../core/live/change-feed.ts';
import type { SequencedEvent } from '../../../core/live/live-event.ts';
import { memoryEngine, type MemoryJob } from '../support/memory-engine.ts';


function feedOver(jobs: MemoryJob[]) {
  let polls = 0;
  const engine = memoryEngine(['q'], jobs);
  const counted = { ...engine, listQueues: () => { polls += 1; return engine.listQueues(); } };
  const feed = createChangeFeed({ engine: counted, logger: { error: () => {}, warn: () => {} }, clock: () => new Date(), pollIntervalMs: 20, bufferSize: 3 });
  return { feed, polls: () => polls };
}

test('a change made while no stream listened is published when one comes back', async () => {
  const jobs: MemoryJob[] = [{ id: 'a', queue: 'q', state: 'queued', createdAt: '2026-01-01T00:00:00Z' }];
  const { feed } = feedOver(jobs);
  const first: SequencedEvent[] = [];
  const stop = feed.subscribe((event) => first.push(event));
  await wait(60);
  stop();
  jobs.push({ id: 'b', queue: 'q', state: 'failed', createdAt: '2026-01-01T00:00:01Z' });
  const second: SequencedEvent[] = [];
  const stopAgain = feed.subscribe((event) => second.push(event));
  await wait(60);
  stopAgain();
  feed.close();
  assert.deepEqual(first, []);
  assert.equal(second.length, 1);
  assert.equal(second[0]?.event.kind === 'queues' && second[0].event.queues[0]?.counts.failed, 1);
});

test('one poller whatever the number of listeners, and none while nobody listens', async () => {
  const { feed, polls } = feedOver([]);
  const stops = Array.from({ length: 20 }, () => feed.subscribe(() => {}));
  await wait(110);
  const busy = polls();
  for (const stop of stops) stop();
  const idle = polls();
  await wait(100);
  assert.ok(busy >= 3 && busy <= 8, `${busy} polls in 110 ms at 20 ms`);
  assert.ok(polls() - idle <= 1, 'no polling once the last listener left');
  feed.close();
});

test('resumption answers the buffered events after an id, and a gap for anything else', () => {
  const { feed } = feedOver([]);
  for (let index = 0; index < 5; index += 1) feed.publish({ kind: 'queues', queues: [] });
  const ids = [`${feed.epoch}-3`, `${feed.epoch}-4`];
  const resumed = feed.since(ids[0]!);
  assert.ok('events' in resumed);
  assert.deepEqual(resumed.events.map((event) => event.sequence), [4, 5]);
  assert.ok('gap' in feed.since(`${feed.epoch}-1`), 'older than the buffer');
  assert.ok('gap' in feed.since('ffffffff-4'), 'another process');
  assert.ok('gap' in feed.since(`${feed.epoch}-99`), 'from the future');
  assert.ok('gap' in feed.since('garbage'));
  feed.close();
});

test('close ends every listener', () => {
  const { feed } = feedOver([]);
  let ended = 0;
  feed.subscribe(() => {}, () => { ended += 1; });
  feed.subscribe(() => {}, () => { ended += 1; });
  feed.close();
  assert.equal(ended, 2);
  assert.equal(feed.listeners, 0);
});
