// The live feed across host processes, on real PostgreSQL: two consoles with their own `pg` pools
// behave as two processes for LISTEN/NOTIFY and for the advisory lock that picks the one poller.
import assert from 'node:assert/strict';
import { after, before, describe, test as nodeTest } from 'node:test';
import { setTimeout as wait } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PgBoss, fromPglite } from 'pg-boss';
import { liveChannelName, livePollerLockKey } from '../../../adapters/postgres/sql.ts';
import { REASON, startConsoleProcess, type ConsoleProcess } from '../support/console-process.ts';
import { connectPostgres, DATABASE_URL, dropSchemas, uniqueSchema } from '../support/database.ts';
import type { SseConnection } from '../support/sse-client.ts';
import { recordTelemetry } from '../telemetry/recorder.ts';


let boss: PgBoss;
let admin: pg.Pool;
const bossSchema = uniqueSchema('pgboss_cross');
const storeSchemas: string[] = [];
const running = new Set<ConsoleProcess>();

/** A store schema for one test, dropped at the end. */
function storeSchema(): string {
  const schema = uniqueSchema('ops_cross');
  storeSchemas.push(schema);
  return schema;
}

async function start(schema: string, options: { liveChannel?: false } = {}): Promise<ConsoleProcess> {
  const host = await startConsoleProcess({ boss, bossSchema, storeSchema: schema, ...options });
  running.add(host);
  return host;
}

async function stop(host: ConsoleProcess): Promise<void> {
  running.delete(host);
  await host.stop();
}

async function failedJobs(queue: string, count: number): Promise<string[]> {
  await boss.createQueue(queue, { retryLimit: 0 }).catch(() => {});
  for (let index = 0; index < count; index += 1) await boss.send(queue, { index, cardToken: 'tok_PLANTED' });
  const fetched = await boss.fetch(queue, { batchSize: count });
  for (const job of fetched) await boss.fail(queue, job.id, { message: 'declined' });
  return fetched.map((job) => job.id);
}

/**
 * Runs `check` until it passes, for at most `timeoutMs`: roles settle at the pace of connections
 * and checks, which a busy machine slows down.
 */
async function eventually<T>(check: () => Promise<T>, timeoutMs = 6000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** How many times each process polled during `ms`. */
async function pollsDuring(ms: number, ...hosts: ConsoleProcess[]): Promise<number[]> {
  const before = hosts.map((host) => host.listQueuesCalls);
  await wait(ms);
  return hosts.map((host, index) => host.listQueuesCalls - before[index]!);
}

const actionFrame = (auditId: string) => (frame: { event: string; data: { auditId?: string } }) => frame.event === 'action' && frame.data.auditId === auditId;

/** Collects the raw NOTIFY payloads of a schema's channel, as any database session could. */
async function eavesdrop(schema: string): Promise<{ payloads: string[]; end(): Promise<void> }> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  const payloads: string[] = [];
  client.on('notification', (message) => payloads.push(message.payload ?? ''));
  await client.query(`LISTEN "${liveChannelName(schema)}"`);
  return { payloads, end: () => client.end() };
}

/** The backend holding a schema's poller lock, or null. */
async function pollerBackend(schema: string): Promise<number | null> {
  const key = BigInt.asUintN(64, livePollerLockKey(schema));
  const { rows } = await admin.query(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND classid = $1::bigint::oid AND objid = $2::bigint::oid AND objsubid = 1`,
    [(key >> 32n).toString(), (key & 0xffffffffn).toString()],
  );
  return (rows[0] as { pid?: number } | undefined)?.pid ?? null;
}

describe('the live feed across host processes on PostgreSQL', () => {
  // Every test waits for this and fails with its reason, saying what is needed, when PostgreSQL
  // is not reachable (a failing hook would only cancel them).
  let ready: Promise<void> = Promise.resolve();
  before(() => {
    ready = (async () => {
      admin = await connectPostgres(2);
      boss = new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false, schedule: false });
      boss.on('error', (error) => console.error('pg-boss error in cross-process test', error));
      await boss.start();
    })();
    ready.catch(() => {});
  });
  const test = (name: string, body: () => Promise<void>) => nodeTest(name, async () => {
    await ready;
    await body();
  });

  after(async () => {
    for (const host of running) await host.stop();
    await boss?.stop({ graceful: false });
    if (admin) await dropSchemas((text) => admin.query(text), [bossSchema, ...storeSchemas]);
    await admin?.end();
  });

  test('an action executed on one process reaches the consoles of another within a second, redacted for each', async () => {
    const schema = storeSchema();
    const [first, second] = [await start(schema), await start(schema)];
    const heard = await eavesdrop(schema);
    try {
      const adminStream = await second.events('ada');
      const viewerStream = await second.events('vera');
      const ids = await failedJobs('cross_payments', 2);
      const auditId = await first.act('olga', 'job.retry', 'cross_payments', ids);
      const executed = Date.now();
      const [shown, hidden] = await Promise.all([
        adminStream.next(actionFrame(auditId), 1000),
        viewerStream.next(actionFrame(auditId)),
      ]);
      assert.ok(Date.now() - executed < 1000, `arrived ${Date.now() - executed} ms after the execute answered`);
      assert.equal(shown.data.action, 'job.retry');
      assert.equal(shown.data.queue, 'cross_payments');
      assert.equal(shown.data.affected, 2);
      assert.deepEqual([...shown.data.jobIds].sort(), [...ids].sort());
      assert.equal(shown.data.actor, 'olga (operator)', 'an admin sees who acted');
      assert.equal(hidden.data.actor, null, 'a viewer does not: the receiving process redacts for its own operator');

      await wait(100);
      assert.ok(heard.payloads.some((payload) => payload.includes(auditId)), 'the action was sent through the database');
      for (const payload of heard.payloads) {
        assert.ok(Buffer.byteLength(payload) < 8000);
        for (const secret of ['olga', REASON, 'tok_PLANTED', ...ids]) assert.ok(!payload.includes(secret), `a notice carried ${secret}`);
      }
    } finally {
      await heard.end();
      await stop(first);
      await stop(second);
    }
  });

  test('one process polls for all; count changes reach the others; when it stops, another takes over', async () => {
    const schema = storeSchema();
    const [first, second] = [await start(schema), await start(schema)];
    const recorder = recordTelemetry();
    try {
      const streams = [await first.events('vera'), await second.events('vera')];
      const polls = await eventually(async () => {
        const counted = await pollsDuring(800, first, second);
        assert.equal(counted.filter((count) => count > 0).length, 1, `exactly one process polls: ${counted.join(', ')}`);
        return counted;
      });
      const pollerIndex = polls[0]! > 0 ? 0 : 1;
      const [poller, follower] = pollerIndex === 0 ? [first, second] : [second, first];
      const followerStream = streams[1 - pollerIndex] as SseConnection;

      await boss.createQueue('cross_counts');
      await boss.send('cross_counts', {});
      await followerStream.next((frame) => frame.event === 'queues' && frame.data.queues.some((queue: { name: string }) => queue.name === 'cross_counts'), 3000);

      await stop(poller);
      await eventually(async () => {
        const [afterwards] = await pollsDuring(500, follower);
        assert.ok(afterwards! > 0, 'the remaining process took the poller role');
      });
      const roles = recorder.take().filter((event) => event.name === 'live.role').map((event) => event.tags);
      // The two processes join at about the same time, so which reports its role first is a race.
      const [joined, took] = [roles.slice(0, 2).map((tags) => tags.role).sort(), roles.slice(2)];
      assert.deepEqual(roles.map((tags) => Object.keys(tags)), [['role'], ['role'], ['role']], 'each change of role is reported, with nothing but the role');
      assert.deepEqual(joined, ['follower', 'poller'], 'one process joins as the poller, the other as a follower');
      assert.deepEqual(took, [{ role: 'poller' }], 'the remaining process takes the poller role');
    } finally {
      recorder.close();
      if (running.has(first)) await stop(first);
      if (running.has(second)) await stop(second);
    }
  });

  test('the poller polls while consoles are open on another process only, and not for nobody', async () => {
    const schema = storeSchema();
    const holder = await start(schema);
    const other = await start(schema);
    try {
      // The first process to open a stream joins first and takes the role.
      const own = await holder.events('vera');
      await eventually(async () => assert.ok((await pollerBackend(schema)) !== null, 'the lock is taken'));
      own.close();
      await wait(300);
      assert.deepEqual(await pollsDuring(500, holder, other), [0, 0], 'nobody listens anywhere: nobody polls');

      const remote = await other.events('vera');
      await eventually(async () => {
        const [holderPolls, otherPolls] = await pollsDuring(800, holder, other);
        assert.ok(holderPolls! > 0, 'the poller polls for the other process');
        assert.equal(otherPolls, 0, 'the follower does not poll');
      });
      await boss.createQueue('cross_remote');
      await boss.send('cross_remote', {});
      await remote.next((frame) => frame.event === 'queues' && frame.data.queues.some((queue: { name: string }) => queue.name === 'cross_remote'), 3000);
    } finally {
      await stop(holder);
      await stop(other);
    }
  });

  test('a poller whose connection is cut loses the role, rejoins, and actions still reach every process', async () => {
    const schema = storeSchema();
    const [first, second] = [await start(schema), await start(schema)];
    try {
      const streams = [await first.events('ada'), await second.events('ada')];
      const killed = await eventually(async () => {
        const pid = await pollerBackend(schema);
        assert.ok(pid !== null, 'one session holds the poller lock');
        return pid;
      });
      await admin.query('SELECT pg_terminate_backend($1)', [killed]);
      await eventually(async () => {
        const holder = await pollerBackend(schema);
        assert.ok(holder !== null && holder !== killed, 'a new session holds the role');
        const polls = await pollsDuring(600, first, second);
        assert.equal(polls.filter((count) => count > 0).length, 1, `one poller again: ${polls.join(', ')}`);
      });
      assert.ok([...first.logs, ...second.logs].some((line) => line.includes('lost its connection')), 'the loss was logged');

      const ids = await failedJobs('cross_rejoin', 2);
      const fromFirst = await first.act('olga', 'job.retry', 'cross_rejoin', [ids[0]!]);
      await (streams[1] as SseConnection).next(actionFrame(fromFirst));
      const fromSecond = await second.act('olga', 'job.retry', 'cross_rejoin', [ids[1]!]);
      await (streams[0] as SseConnection).next(actionFrame(fromSecond));
    } finally {
      await stop(first);
      await stop(second);
    }
  });

  test('consoles with different schemas on one database do not hear each other', async () => {
    const [mine, theirs] = [await start(storeSchema()), await start(storeSchema())];
    try {
      const ownStream = await mine.events('ada');
      const otherStream = await theirs.events('ada');
      await eventually(async () => {
        const polls = await pollsDuring(600, mine, theirs);
        assert.ok(polls.every((count) => count > 0), `each schema has its own poller: ${polls.join(', ')}`);
      });
      const ids = await failedJobs('cross_schemas', 1);
      const auditId = await mine.act('olga', 'job.retry', 'cross_schemas', ids);
      await ownStream.next(actionFrame(auditId));
      await wait(500);
      assert.ok(!otherStream.frames.some((frame) => frame.event === 'action'), 'no action crossed to the other schema');
    } finally {
      await stop(mine);
      await stop(theirs);
    }
  });

  test('a store without the live channel keeps one poller per process and its actions to itself', async () => {
    const schema = storeSchema();
    const [first, second] = [await start(schema, { liveChannel: false }), await start(schema, { liveChannel: false })];
    try {
      assert.equal(first.store.createLiveChannel, undefined);
      const ownStream = await first.events('ada');
      const otherStream = await second.events('ada');
      const polls = await pollsDuring(600, first, second);
      assert.ok(polls.every((count) => count > 0), `each process polls: ${polls.join(', ')}`);
      const ids = await failedJobs('cross_off', 1);
      const auditId = await first.act('olga', 'job.retry', 'cross_off', ids);
      await ownStream.next(actionFrame(auditId));
      await wait(500);
      assert.ok(!otherStream.frames.some((frame) => frame.event === 'action'));
    } finally {
      await stop(first);
      await stop(second);
    }
  });
});

describe('the live feed on embedded PGlite', () => {
  nodeTest('one process: consoles on one instance hear each other, and each polls for itself', async () => {
    const pglite = new PGlite();
    const embeddedBoss = new PgBoss({ db: fromPglite(pglite), supervise: false, schedule: false });
    await embeddedBoss.start();
    const options = { boss: embeddedBoss, bossSchema: 'pgboss', storeSchema: 'ops_jobs', pglite };
    const [first, second] = [await startConsoleProcess(options), await startConsoleProcess(options)];
    try {
      const [ownStream, otherStream] = [await first.events('ada'), await second.events('vera')];
      await eventually(async () => {
        const polls = await pollsDuring(600, first, second);
        assert.ok(polls.every((count) => count > 0), `PGlite is one process: each console is its own poller (${polls.join(', ')})`);
      });

      await embeddedBoss.createQueue('embedded', { retryLimit: 0 });
      await embeddedBoss.send('embedded', {});
      const [job] = await embeddedBoss.fetch('embedded');
      await embeddedBoss.fail('embedded', job!.id, { message: 'declined' });
      const auditId = await first.act('olga', 'job.retry', 'embedded', [job!.id]);
      const [own, other] = await Promise.all([ownStream.next(actionFrame(auditId)), otherStream.next(actionFrame(auditId))]);
      assert.equal(own.data.actor, 'olga (operator)');
      assert.equal(other.data.actor, null);
      await wait(300);
      assert.equal(otherStream.frames.filter((frame) => frame.event === 'action').length, 1, 'heard once');
    } finally {
      await first.stop();
      await second.stop();
      await embeddedBoss.stop({ graceful: false });
      await pglite.close();
    }
  });
});
