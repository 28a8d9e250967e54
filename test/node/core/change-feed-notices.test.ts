// The change feed over an engine that tells of its own changes (`watchChanges`): watched once while
// anyone listens, notices gathered into one read of just the queues they name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout } from 'node:timers/promises';
import type { ChangeWatcher, JobEngine } from '../../../core/contracts/engine.ts';
import { createChangeFeed } from '../../../core/live/change-feed.ts';
import type { SequencedEvent } from '../../../core/live/live-event.ts';
import { observeEngine } from '../../../core/telemetry/observe-engine.ts';
import { memoryEngine, type MemoryJob } from '../support/memory-engine.ts';
import { waitUntil } from '../support/wait.ts';

interface Calls {
  listQueues: number;
  countJobs: (readonly string[])[];
  findQueue: string[];
  watches: number;
  unwatches: number;
}

function noticingEngine(queues: readonly string[], jobs: MemoryJob[], watch?: (watcher: ChangeWatcher) => void) {
  const base = memoryEngine(queues, jobs);
  const calls: Calls = { listQueues: 0, countJobs: [], findQueue: [], watches: 0, unwatches: 0 };
  const watchers = new Set<ChangeWatcher>();
  const engine: JobEngine = {
    ...base,
    listQueues: () => { calls.listQueues += 1; return base.listQueues(); },
    countJobs: (names) => { calls.countJobs.push([...names].sort()); return base.countJobs(names); },
    findQueue: (name) => { calls.findQueue.push(name); return base.findQueue(name); },
    watchChanges(watcher) {
      calls.watches += 1;
      watchers.add(watcher);
      watch?.(watcher);
      return () => {
        calls.unwatches += 1;
        watchers.delete(watcher);
      };
    },
  };
  const tell = (names: readonly string[]) => { for (const watcher of watchers) watcher.changed(names); };
  return { engine, calls, tell, watchers };
}

function feedOver(engine: JobEngine, logged: unknown[][] = []) {
  return createChangeFeed({
    // As createOpsJobs hands it over: through the telemetry wrapper.
    engine: observeEngine(engine),
    logger: { error: (...args) => void logged.push(args), warn: (...args) => void logged.push(args) },
    clock: () => new Date(),
    pollIntervalMs: 20,
    noticeWindowMs: 30,
    bufferSize: 50,
  });
}

const job = (id: string, queue: string, state: MemoryJob['state']): MemoryJob => ({ id, queue, state, createdAt: `2026-01-01T00:00:0${id.length}Z` });

test('a burst of notices costs one read of just the queues named, and publishes the counts that changed', async () => {
  const jobs: MemoryJob[] = [job('a', 'q', 'queued')];
  const { engine, calls, tell } = noticingEngine(['q', 'r', 's'], jobs);
  const feed = feedOver(engine);
  const events: SequencedEvent[] = [];
  const stop = feed.subscribe((event) => events.push(event));
  await waitUntil(() => calls.countJobs.length === 1, 'the first poll');
  assert.deepEqual(calls.countJobs, [['q', 'r', 's']], 'the first poll reads every queue');

  jobs.push(job('bb', 'q', 'failed'), job('ccc', 'r', 'active'));
  for (let notice = 0; notice < 200; notice += 1) tell(notice % 2 === 0 ? ['q'] : ['r']);
  await waitUntil(() => events.length > 0, 'the event');
  assert.deepEqual(calls.countJobs.slice(1), [['q', 'r']], 'one read for the whole burst, of the two queues named');
  assert.deepEqual([...calls.findQueue].sort(), ['q', 'r']);
  assert.equal(events.length, 1);
  const published = events[0]!.event;
  assert.equal(published.kind, 'queues');
  assert.deepEqual(published.kind === 'queues' && published.queues.map((queue) => [queue.name, queue.counts]), [
    ['q', { queued: 1, failed: 1 }],
    ['r', { active: 1 }],
  ]);
  assert.equal(calls.listQueues, 1, 'the full poll is only a safety net now: it has not run again');

  // Counts that did not change are read but not published; a queue the engine does not have is skipped.
  tell(['s', 'gone']);
  await waitUntil(() => calls.countJobs.length === 3, 'the read of the second notice');
  assert.deepEqual(calls.countJobs[2], ['s']);
  assert.equal(events.length, 1, 'nothing changed, nothing published');
  stop();
  await feed.close();
});

test('notices that come while a read runs wait for one more read, not one each', async () => {
  const jobs: MemoryJob[] = [];
  const { engine, calls, tell } = noticingEngine(['q'], jobs);
  let release: () => void = () => {};
  let slow = false;
  const gated: JobEngine = {
    ...engine,
    countJobs: async (names) => {
      calls.countJobs.push([...names]);
      // Counted when asked, answered when released: a read that takes its time.
      const counted = await memoryEngine(['q'], jobs).countJobs(names);
      if (slow) await new Promise<void>((resolve) => (release = resolve));
      return counted;
    },
  };
  const feed = feedOver(gated);
  const events: SequencedEvent[] = [];
  const stop = feed.subscribe((event) => events.push(event));
  await waitUntil(() => calls.countJobs.length === 1, 'the first poll');
  slow = true;
  jobs.push(job('a', 'q', 'queued'));
  tell(['q']);
  await waitUntil(() => calls.countJobs.length === 2, 'the read of the first notice to start');
  for (let notice = 0; notice < 50; notice += 1) tell(['q']);
  jobs.push(job('bb', 'q', 'queued'));
  slow = false;
  release();
  await waitUntil(() => events.length === 2, 'the two events');
  assert.equal(calls.countJobs.length, 3, 'one read for the notice, one for all those during it');
  assert.deepEqual(events.map(({ event }) => event.kind === 'queues' && event.queues[0]?.total), [1, 2]);
  stop();
  await feed.close();
});

test('queues that change without pause are read a few windows apart, not once per window', async () => {
  const jobs: MemoryJob[] = [];
  const { engine, calls, tell } = noticingEngine(['q'], jobs);
  const feed = feedOver(engine);
  const events: SequencedEvent[] = [];
  const stop = feed.subscribe((event) => events.push(event));
  await waitUntil(() => calls.countJobs.length === 1, 'the first poll');
  // Notices every 5 ms, 120 of them: reads start at least four windows (120 ms) apart, however long
  // the machine takes to send them.
  const began = Date.now();
  for (let tick = 0; tick < 120; tick += 1) {
    jobs.push(job(`j${tick}`, 'q', 'queued'));
    tell(['q']);
    await setTimeout(5);
  }
  await waitUntil(() => events.at(-1)?.event.kind === 'queues' && (events.at(-1)!.event as unknown as { queues: { total: number }[] }).queues[0]?.total === 120, 'the last count');
  const windows = (Date.now() - began) / 30;
  const reads = calls.countJobs.length - 1;
  assert.ok(reads >= 2, `more than one read over the whole run: ${reads}`);
  assert.ok(reads <= Math.ceil(windows / 4) + 1, `one read per four windows at most, not one per window: ${reads} reads in ${windows.toFixed(1)} windows`);
  stop();
  await feed.close();
});

test('watched once whatever the number of listeners, stopped when the last leaves, and again when one comes back', async () => {
  const { engine, calls, tell, watchers } = noticingEngine(['q'], []);
  const feed = feedOver(engine);
  const stops = Array.from({ length: 25 }, () => feed.subscribe(() => {}));
  await waitUntil(() => calls.countJobs.length === 1, 'the first poll');
  assert.equal(calls.watches, 1);
  const late = [...watchers][0]!;
  for (const stop of stops) stop();
  assert.equal(calls.unwatches, 1);
  assert.equal(watchers.size, 0);
  const reads = calls.countJobs.length;
  // An engine whose notice was already on its way when watching stopped.
  late.changed(['q']);
  tell(['q']);
  await setTimeout(100);
  assert.equal(calls.countJobs.length, reads, 'a notice nobody waits for is not read');
  const again = feed.subscribe(() => {});
  await waitUntil(() => calls.watches === 2, 'watching again');
  again();
  await feed.close();
  assert.equal(calls.unwatches, 2);
});

test('an engine that cannot watch, or reports trouble, is logged and polled at the normal pace', async () => {
  const failing = noticingEngine(['q'], [], () => {
    throw new Error('no events here');
  });
  const logged: unknown[][] = [];
  const feed = feedOver(failing.engine, logged);
  const stop = feed.subscribe(() => {});
  await waitUntil(() => failing.calls.listQueues >= 3, 'polls at the normal pace');
  assert.ok(logged.some(([message]) => String(message).includes('could not start watching')), 'the failure is logged');
  stop();
  await feed.close();

  const troubled = noticingEngine(['q'], [], (watcher) => watcher.failed(new Error('connection lost')));
  const logs: unknown[][] = [];
  const second = feedOver(troubled.engine, logs);
  const end = second.subscribe(() => {});
  await waitUntil(() => logs.length > 0, 'the report');
  await waitUntil(() => troubled.calls.listQueues >= 3, 'polls at the normal pace while the engine is in trouble');
  assert.match(String(logs[0]?.[0]), /could not report its changes/);
  assert.equal((logs[0]?.[1] as Error).message, 'connection lost');
  end();
  await second.close();
});

test('an engine without watchChanges is polled at the interval, as before', async () => {
  const { engine } = noticingEngine(['q'], []);
  const { watchChanges: _unused, ...plain } = engine;
  let polls = 0;
  const feed = feedOver({ ...plain, listQueues: () => { polls += 1; return plain.listQueues(); } });
  const stop = feed.subscribe(() => {});
  await waitUntil(() => polls >= 4, 'polls at 20 ms');
  stop();
  await feed.close();
});
