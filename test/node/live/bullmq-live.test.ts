// The live feed over BullMQ on a real Redis, served by a real Express host: counts follow BullMQ's own
// event streams, read once per process whatever the number of open consoles.
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobEngine } from '../../../core/index.ts';
import { fromBullMQ } from '../../../adapters/bullmq/index.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { usePostgres, type SuitePostgres } from '../support/database.ts';
import { startHost, type RunningHost } from '../support/http-hosts.ts';
import { watchCommands, type SeenCommand } from '../support/redis-monitor.ts';
import { connectRedis, uniquePrefix, useRedis } from '../support/redis.ts';
import { connectSse, type SseConnection, type SseFrame } from '../support/sse-client.ts';
import { waitUntil } from '../support/wait.ts';
import { recordTelemetry } from '../telemetry/recorder.ts';

interface QueueCountsFrame {
  readonly name: string;
  readonly total: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** Counts the engine's full polls (a listing of every queue) and count reads, as the feed makes them. */
function countingEngine(polls: EventEmitter) {
  return (engine: JobEngine): JobEngine => ({
    ...engine,
    listQueues: () => {
      polls.emit('listQueues');
      return engine.listQueues();
    },
    countJobs: async (names) => {
      const counted = await engine.countJobs(names);
      polls.emit('counted');
      return counted;
    },
  });
}

const queuesIn = (frame: SseFrame): readonly QueueCountsFrame[] => (frame.event === 'queues' ? (frame.data as { queues: QueueCountsFrame[] }).queues : []);
const showing = (queue: string, check: (counts: QueueCountsFrame) => boolean) => (frame: SseFrame) => queuesIn(frame).some((entry) => entry.name === queue && check(entry));

/** The names of the connections BullMQ's event readers hold for queues under `prefix`. */
async function eventReaders(client: Redis, prefix: string): Promise<string[]> {
  const list = (await client.call('CLIENT', 'LIST')) as string;
  return list.split('\n')
    .map((line) => /(?:^| )name=(\S*)/.exec(line)?.[1] ?? '')
    .filter((name) => name.startsWith(`${prefix}:`) && name.endsWith(':qe'))
    .map((name) => Buffer.from(name.slice(prefix.length + 1, -':qe'.length), 'base64').toString('utf8'))
    .sort();
}

/** A store schema of this process for the suite, dropped after it. */
function storeSchemaOf(postgres: SuitePostgres, label: string): string {
  const schema = `${label}_${process.pid}`;
  postgres.schemas.push(schema);
  return schema;
}

describe('the live feed over BullMQ', () => {
  const redis = useRedis();
  const polls = new EventEmitter();
  let prefix: string;
  let stack: BullMQStack;
  let host: RunningHost;
  const queues = new Map<string, Queue>();
  const closers: (() => Promise<void>)[] = [];

  const queue = (name: string) => {
    let made = queues.get(name);
    if (!made) {
      made = new Queue(name, { connection: redis.client(), prefix });
      queues.set(name, made);
    }
    return made;
  };
  const open = async (count: number): Promise<SseConnection[]> => {
    const streams = await Promise.all(Array.from({ length: count }, () => connectSse(`${host.url}/ops/jobs/api/events`, { 'x-test-user': 'vera' })));
    for (const stream of streams) assert.equal(stream.response.status, 200);
    await Promise.all(streams.map((stream) => stream.next((frame) => frame.event === 'ready')));
    return streams;
  };

  before(async () => {
    prefix = uniquePrefix('live');
    redis.prefixes.push(prefix);
    // Two queues exist before the console starts; discovery runs often, so a new queue is found quickly.
    await queue('mail').add('send', { to: 'a@example.com' });
    await queue('reports').add('build', {});
    stack = await startBullMQStack({
      prefix,
      storeSchema: storeSchemaOf(postgres, 'ops_live_bullmq'),
      engineOptions: { discoveryIntervalMs: 200 },
      wrapEngine: countingEngine(polls),
    });
    host = await startHost('express', stack.opsJobs as never, { sessionFromHeader: true });
    // The store's live channel makes this process the feed's poller once the first console opens:
    // settled once, so that the feed polls once per round of streams below, not once per role change.
    const recorder = recordTelemetry();
    try {
      const [first] = await open(1);
      await waitUntil(() => recorder.all.some((event) => event.family === 'live' && event.event === 'role' && (event.tags as { role?: string }).role === 'poller'), 'the poller role');
      first!.close();
      await waitUntil(async () => (await eventReaders(redis.client(), prefix)).length === 0, 'the readers to close with the last console');
    } finally {
      recorder.close();
    }
  });
  after(async () => {
    for (const close of closers) await close();
    for (const made of queues.values()) await made.close();
    await host?.close();
    await stack?.stop();
  });
  // Registered after the stack's own: its schema is dropped once the stack has stopped.
  const postgres = usePostgres(1);

  test('a job a worker completes reaches an open console as a queues event, from the event stream, not a poll', async () => {
    const [stream] = await open(1);
    await once(polls, 'counted', { signal: AbortSignal.timeout(10_000) });
    await waitUntil(async () => (await eventReaders(redis.client(), prefix)).length === 2, 'an event reader per queue');
    assert.deepEqual(await eventReaders(redis.client(), prefix), ['mail', 'reports']);
    let fullPolls = 0;
    const onPoll = () => { fullPolls += 1; };
    polls.on('listQueues', onPoll);
    try {
      const connection = await connectRedis();
      const worker = new Worker('mail', async () => ({ sent: true }), { connection, prefix });
      closers.push(async () => { await worker.close(); connection.disconnect(); });
      const done = await stream!.next(showing('mail', (entry) => entry.counts.completed === 1 && entry.total === 1));
      assert.deepEqual(queuesIn(done).map((entry) => entry.name), ['mail'], 'only the queue that changed');
      assert.equal(fullPolls, 0, 'no full poll was needed: the safety net runs every 30 s');
    } finally {
      polls.off('listQueues', onPoll);
      stream!.close();
    }
    await waitUntil(async () => (await eventReaders(redis.client(), prefix)).length === 0, 'the readers to close with the last console');
  });

  test('the Redis commands for a change, and the connections, are the same for 1 and 25 open consoles', async () => {
    const client = redis.client();
    const log = await watchCommands(stack.redis);
    closers.push(() => log.close());
    const cost: { consoles: number; commands: readonly SeenCommand[]; readers: string[] }[] = [];
    let total = (await queue('reports').count()) ?? 0;
    for (const consoles of [1, 25]) {
      // Closed streams from the previous round leave the feed idle; it polls once when they return.
      const counted = once(polls, 'counted', { signal: AbortSignal.timeout(10_000) });
      const streams = await open(consoles);
      await counted;
      await waitUntil(async () => (await eventReaders(client, prefix)).includes('reports'), 'the event readers');
      total += 30;
      const { commands } = await log.during(async () => {
        await queue('reports').addBulk(Array.from({ length: 30 }, (_, index) => ({ name: 'build', data: { index } })));
        await Promise.all(streams.map((stream) => stream.next(showing('reports', (entry) => entry.total === total))));
      });
      // A copy: the log keeps adding to its list until the next measure starts.
      cost.push({ consoles, commands: [...commands], readers: await eventReaders(client, prefix) });
      for (const stream of streams) stream.close();
      // Once the server has seen every stream close, the feed stops watching: the next round starts afresh.
      await waitUntil(async () => (await eventReaders(client, prefix)).length === 0, 'the readers to close with the last console');
    }
    for (const { consoles, commands, readers } of cost) {
      const reads = commands.filter((command) => command.name === 'hmget').length;
      assert.ok(reads >= 1 && reads <= 2, `${consoles} consoles: one read of the queue for the burst of 30 jobs (two if it straddled a window), not one per console: ${reads}`);
      for (const command of commands) {
        assert.ok(['hmget', 'llen', 'zcard', 'scan'].includes(command.name), `${consoles} consoles: only cheap reads, not ${command.name}`);
        if (command.name !== 'scan') assert.ok(command.args[0]?.startsWith(`${prefix}:reports:`), `${consoles} consoles: only the queue that changed is read: ${command.args[0]}`);
      }
      assert.equal(commands.filter((command) => command.name !== 'scan').length, reads * 9, 'per read: its meta hash and eight counts');
      assert.deepEqual(readers, ['mail', 'reports'], `${consoles} consoles: one event reader per queue`);
    }
  });

  test('a queue that appears is followed, and the readers close when the last console does', async () => {
    const client = redis.client();
    const [stream] = await open(1);
    await waitUntil(async () => (await eventReaders(client, prefix)).length === 2, 'the event readers');
    await queue('late').add('first', {});
    await stream!.next(showing('late', (entry) => entry.total === 1));
    await waitUntil(async () => (await eventReaders(client, prefix)).includes('late'), 'a reader for the new queue');
    await queue('late').add('second', {});
    await stream!.next(showing('late', (entry) => entry.total === 2));
    stream!.close();
    await waitUntil(async () => (await eventReaders(client, prefix)).length === 0, 'the readers to close');
    assert.deepEqual(stack.logs, [], 'nothing went wrong on the way');
  });
});

describe('the BullMQ engine watching its changes directly', () => {
  const redis = useRedis();

  test('follows at most liveConnections queues with readers, names the others at each listing, and 0 turns it off', async () => {
    const prefix = uniquePrefix('live-limit');
    redis.prefixes.push(prefix);
    const client = redis.client();
    const made = ['alpha', 'beta', 'gamma'].map((name) => new Queue(name, { connection: client, prefix }));
    for (const queue of made) await queue.add('job', {});
    assert.equal(fromBullMQ({ connection: client, prefix, liveConnections: 0 }).watchChanges, undefined, '0: no events, the console polls');
    assert.throws(() => fromBullMQ({ connection: client, prefix, liveConnections: -1 }), /liveConnections/);

    const engine = fromBullMQ({ connection: client, prefix, liveConnections: 1, discoveryIntervalMs: 100 });
    const named: string[][] = [];
    const failures: unknown[] = [];
    const stop = engine.watchChanges!({ changed: (queues) => named.push([...queues]), failed: (error) => failures.push(error) });
    try {
      await waitUntil(async () => (await eventReaders(client, prefix)).length === 1, 'one reader');
      await waitUntil(() => named.length >= 2, 'two listings');
      assert.deepEqual(await eventReaders(client, prefix), ['alpha'], 'the first queue by name gets the reader');
      for (const queues of named) assert.deepEqual(queues, ['beta', 'gamma'], 'the queues past the limit are named at each listing');
      named.length = 0;
      await made[0]!.add('another', {});
      await waitUntil(() => named.some((queues) => queues.includes('alpha')), 'the event of the followed queue');
    } finally {
      stop();
      for (const queue of made) await queue.close();
    }
    await waitUntil(async () => (await eventReaders(client, prefix)).length === 0, 'the reader to close');
    assert.deepEqual(failures, []);
  });
});

describe('the live feed over BullMQ across host processes', () => {
  const redis = useRedis();
  const postgres = usePostgres(1);

  test('only the poller follows the event streams, and the other process hears the counts from it', async () => {
    const prefix = uniquePrefix('live-cross');
    redis.prefixes.push(prefix);
    const client = redis.client();
    const queue = new Queue('shared', { connection: client, prefix });
    await queue.add('first', {});
    const recorder = recordTelemetry();
    // Two consoles with pools of their own on one store schema: two processes, as the live channel sees them.
    const storeSchema = storeSchemaOf(postgres, 'ops_live_cross');
    const stacks = [await startBullMQStack({ prefix, storeSchema }), await startBullMQStack({ prefix, storeSchema })];
    const hosts = await Promise.all(stacks.map((stack) => startHost('express', stack.opsJobs as never, { sessionFromHeader: true })));
    const streams: SseConnection[] = [];
    try {
      for (const host of hosts) {
        const stream = await connectSse(`${host.url}/ops/jobs/api/events`, { 'x-test-user': 'vera' });
        await stream.next((frame) => frame.event === 'ready');
        streams.push(stream);
      }
      const roles = () => recorder.all.filter((event) => event.family === 'live' && event.event === 'role').map((event) => (event.tags as { role: string }).role);
      await waitUntil(() => roles().includes('poller') && roles().includes('follower'), 'a poller and a follower');
      await waitUntil(async () => (await eventReaders(client, prefix)).length === 1, 'one process following the streams');
      await queue.add('second', {});
      await Promise.all(streams.map((stream) => stream.next(showing('shared', (entry) => entry.total === 2))));
      assert.deepEqual(await eventReaders(client, prefix), ['shared'], 'still one reader for the queue, not one per process');
      for (const stack of stacks) assert.deepEqual(stack.logs, []);
    } finally {
      recorder.close();
      for (const stream of streams) stream.close();
      for (const host of hosts) await host.close();
      for (const stack of stacks) await stack.stop();
      await queue.close();
    }
    await waitUntil(async () => (await eventReaders(client, prefix)).length === 0, 'the readers to close with the consoles');
  });
});
