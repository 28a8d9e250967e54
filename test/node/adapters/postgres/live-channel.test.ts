// The store's live channel on PGlite and on PostgreSQL: notices sent at commit, split under
// PostgreSQL's NOTIFY limit, never heard by their sender; the poller role on a real advisory lock.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as wait } from 'node:timers/promises';
import pg from 'pg';
import type { QueueInfo } from '../../../../core/contracts/jobs.ts';
import type { ChangeNotice, LiveChannel, LiveRole } from '../../../../core/contracts/live-channel.ts';
import { OptionsError } from '../../../../core/errors.ts';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import * as sql from '../../../../adapters/postgres/sql.ts';
import { onEveryTarget } from './suite.ts';
import { DATABASE_URL } from '../../support/database.ts';


async function until(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await wait(20);
  }
}

/** Joins `channel`, recording what it hears and the roles it reports. */
async function joined(channel: LiveChannel) {
  const notices: ChangeNotice[] = [];
  const roles: LiveRole[] = [];
  const errors: unknown[] = [];
  await channel.join({ notice: (notice) => notices.push(notice), role: (role) => roles.push(role), error: (error) => errors.push(error) });
  return { notices, roles, errors };
}

const queue = (name: string, settingsBytes = 200): QueueInfo => ({
  name, counts: { queued: 3, failed: 1 }, total: 4, deadLetterQueue: null, settings: { policy: 'standard', note: 'x'.repeat(settingsBytes) },
  stale: { queued: { asOf: '2026-12-04T18:00:00.000Z' } },
});

test('the liveChannel option is checked, and false (or a PGlite-like without listen) means no channel', () => {
  const pglite = { query: async () => ({ rows: [] }), transaction: async () => undefined as never };
  const pool = { query: async () => ({ rows: [] }), connect: async () => ({ query: async () => ({ rows: [] }), release() {} }) };
  assert.equal(createPostgresStore({ pglite }).createLiveChannel, undefined, 'no listen, no channel');
  assert.equal(typeof createPostgresStore({ pool }).createLiveChannel, 'function', 'on by default');
  assert.equal(createPostgresStore({ pool, liveChannel: false }).createLiveChannel, undefined);
  for (const liveChannel of ['yes', true, null, { checkIntervalMs: 10 }, { checkIntervalMs: 1.5 }]) {
    assert.throws(() => createPostgresStore({ pool, liveChannel: liveChannel as never }),
      (error: unknown) => error instanceof OptionsError && /liveChannel/.test(error.message), JSON.stringify(liveChannel));
  }
});

test('a pool of one connection is refused for the live channel, which would hold it for good', async () => {
  const single = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
  try {
    assert.throws(() => createPostgresStore({ pool: single }), (error: unknown) => error instanceof OptionsError && /at least 2 connections/.test(error.message));
    assert.equal(createPostgresStore({ pool: single, liveChannel: false }).createLiveChannel, undefined);
    const pair = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
    assert.equal(typeof createPostgresStore({ pool: pair }).createLiveChannel, 'function');
    await pair.end();
  } finally {
    await single.end();
  }
});

onEveryTarget('live channel', (suite) => {
  suite.test('a notice sent within a transaction is heard once it commits, and never after a rollback', async () => {
    const store = await suite.freshStore('live_tx');
    const sender = store.createLiveChannel!();
    const receiver = suite.storeOn(store.schema).createLiveChannel!();
    const heard = await joined(receiver);
    try {
      await assert.rejects(store.transaction(async (tx) => {
        await sender.publish({ kind: 'action', auditId: '11' }, tx);
        throw new Error('rolled back');
      }), /rolled back/);
      await store.transaction(async (tx) => {
        await sender.publish({ kind: 'action', auditId: '12' }, tx);
        await wait(150);
        assert.deepEqual(heard.notices, [], 'nothing is heard before the commit');
      });
      await until(() => heard.notices.length > 0, 'the committed notice arrives');
      await wait(150);
      assert.deepEqual(heard.notices, [{ kind: 'action', auditId: '12' }]);
    } finally {
      await receiver.leave();
    }
  });

  suite.test('a channel does not hear itself, and one that never joined still sends', async () => {
    const store = await suite.freshStore('live_self');
    const [talker, listener] = [store.createLiveChannel!(), suite.storeOn(store.schema).createLiveChannel!()];
    const [own, other] = [await joined(talker), await joined(listener)];
    const silent = store.createLiveChannel!();
    try {
      await talker.publish({ kind: 'watching' });
      await silent.publish({ kind: 'action', auditId: '7' });
      await until(() => other.notices.length === 2, 'both notices arrive');
      await wait(100);
      assert.deepEqual(own.notices, [{ kind: 'action', auditId: '7' }], 'only the other channel\'s notice');
      assert.deepEqual(other.notices, [{ kind: 'watching' }, { kind: 'action', auditId: '7' }]);
    } finally {
      await talker.leave();
      await listener.leave();
    }
  });

  suite.test('a large queues notice is split under the NOTIFY limit and arrives whole', async () => {
    const store = await suite.freshStore('live_large');
    const receiver = suite.storeOn(store.schema).createLiveChannel!();
    const heard = await joined(receiver);
    const queues = [...Array.from({ length: 150 }, (_, index) => queue(`queue_${index}`)), queue('enormous', 9000)];
    try {
      await store.createLiveChannel!().publish({ kind: 'queues', queues, reread: ['asked_again'] });
      const names = () => heard.notices.flatMap((notice) => (notice.kind === 'queues' ? notice.queues.map((info) => info.name) : []));
      const reread = () => heard.notices.flatMap((notice) => (notice.kind === 'queues' ? notice.reread : []));
      await until(() => names().length === 150 && reread().length === 2, 'every part arrives');
      assert.ok(heard.notices.length > 3, `split into ${heard.notices.length} notices`);
      assert.deepEqual(new Set(names()), new Set(queues.slice(0, 150).map((info) => info.name)));
      assert.deepEqual(reread().sort(), ['asked_again', 'enormous'], 'a queue too large for a notice is named for receivers to read again');
      const first = heard.notices.find((notice) => notice.kind === 'queues' && notice.queues.length > 0);
      assert.deepEqual(first?.kind === 'queues' && first.queues[0], queue('queue_0'));
    } finally {
      await receiver.leave();
    }
  });

  suite.test('payloads of another shape, which any session may send, are ignored', async () => {
    const store = await suite.freshStore('live_forged');
    const receiver = suite.storeOn(store.schema).createLiveChannel!();
    const heard = await joined(receiver);
    try {
      const forged = [
        'not json', '[]', '{"n":{"kind":"watching"}}', '{"o":"x","n":{"kind":"action"}}', '{"o":"x","n":{"kind":"action","auditId":7}}',
        '{"o":"x","n":{"kind":"queues","queues":[{"name":"q"}],"reread":[]}}', '{"o":"x","n":{"kind":"explode"}}',
      ];
      for (const payload of forged) await suite.target.query(sql.notify(store.schema, payload).text, [...sql.notify(store.schema, payload).values]);
      await store.createLiveChannel!().publish({ kind: 'action', auditId: '5' });
      await until(() => heard.notices.length > 0, 'the well-formed notice arrives');
      await wait(100);
      assert.deepEqual(heard.notices, [{ kind: 'action', auditId: '5' }]);
      assert.deepEqual(heard.errors, []);
    } finally {
      await receiver.leave();
    }
  });

  suite.test('schemas have channels of their own', async () => {
    const [mine, theirs] = [await suite.freshStore('live_mine'), await suite.freshStore('live_theirs')];
    const receiver = suite.storeOn(theirs.schema).createLiveChannel!();
    const heard = await joined(receiver);
    try {
      await mine.createLiveChannel!().publish({ kind: 'watching' });
      await theirs.createLiveChannel!().publish({ kind: 'action', auditId: '3' });
      await until(() => heard.notices.length > 0, 'the own schema\'s notice arrives');
      await wait(150);
      assert.deepEqual(heard.notices, [{ kind: 'action', auditId: '3' }]);
    } finally {
      await receiver.leave();
    }
  });

  suite.test('a pool ended without leaving first gets the channel\'s connection back', async () => {
    if (!suite.concurrent) return;
    const store = await suite.freshStore('live_ending');
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
    const channel = createPostgresStore({ pool, schema: store.schema, liveChannel: { checkIntervalMs: 50 } }).createLiveChannel!();
    await joined(channel);
    assert.equal(channel.role, 'poller');
    const ended = pool.end();
    const outcome = await Promise.race([ended.then(() => 'ended'), wait(2000).then(() => 'still waiting')]);
    assert.equal(outcome, 'ended');
    assert.equal(channel.role, 'offline');
  });

  suite.test('the poller role: one holder per database on PostgreSQL, moving when it leaves; always held on PGlite', async () => {
    const store = await suite.freshStore('live_role');
    const options = { liveChannel: { checkIntervalMs: 50 } };
    const first = suite.storeOn(store.schema, options).createLiveChannel!();
    const second = suite.storeOn(store.schema, options).createLiveChannel!();
    assert.equal(first.role, 'offline', 'offline until joined');
    const firstHeard = await joined(first);
    await until(() => first.role === 'poller', 'the first member takes the role');
    const secondHeard = await joined(second);
    try {
      if (!suite.concurrent) {
        assert.deepEqual([first.role, second.role], ['poller', 'poller'], 'PGlite is one process: nobody to share the role with');
        return;
      }
      await until(() => second.role === 'follower', 'the second member follows');
      assert.deepEqual([firstHeard.roles, secondHeard.roles], [['poller'], ['follower']]);
      await first.leave();
      assert.equal(first.role, 'offline');
      await until(() => second.role === 'poller', 'the follower takes the role', 2000);
      assert.deepEqual(secondHeard.roles, ['follower', 'poller']);
      assert.deepEqual(secondHeard.errors, []);
    } finally {
      await first.leave();
      await second.leave();
    }
  });
});
