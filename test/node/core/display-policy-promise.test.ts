// A display policy answers synchronously. One that returns a promise would otherwise read as "hide"
// for every value, so it is refused loudly: an async method at construction, a returned promise
// when it is first asked, as a 500 and a log line naming the fix, never as a page of hidden values.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, OptionsError, type AuthSeam, type DisplayDecision, type DisplayPolicy } from '../../../core/index.ts';
import { toNodeListener } from '../../../adapters/node/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { PLANTED_SECRET, startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';
import { nextTurn } from '../support/wait.ts';

const auth = {
  currentActor: (req: IncomingMessage) => (req.headers['x-test-user'] === 'olga' ? { name: 'olga' } : null),
  authorize: () => true,
  auditPrincipal: (operator: { name: string }) => ({ id: operator.name, type: 'user', label: operator.name }),
};

let stack: SeededStack;
let server: Server;
let origin: string;
const logged: { message: string; error: unknown }[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => void unhandled.push(reason);
/** How the policy under test answers; switched by each test. */
let answer: 'sync' | 'promise' | 'rejected promise' = 'sync';

before(async () => {
  process.on('unhandledRejection', onUnhandled);
  stack = await startSeededPgBoss();
  const shown = (value: unknown): DisplayDecision => ({ show: value });
  const displayPolicy: DisplayPolicy = {
    // A plain function, so construction cannot tell; what it returns is what counts.
    display(_kind, value) {
      if (answer === 'promise') return Promise.resolve(shown(value)) as never;
      if (answer === 'rejected promise') return Promise.reject(new Error('lookup failed')) as never;
      return shown(value);
    },
    searchable: (field) => (answer === 'sync' ? field === 'customer' : (Promise.resolve(true) as never)),
  };
  const opsJobs = createOpsJobs({
    engine: fromPgBoss(stack.boss),
    store: createPostgresStore({ pglite: stack.pglite, schema: 'ops_display_promise' }),
    auth,
    displayPolicy,
    logger: { error: (message, error) => void logged.push({ message, error }), warn: () => {} },
  });
  server = createServer(toNodeListener(opsJobs));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  process.off('unhandledRejection', onUnhandled);
  server?.closeAllConnections();
  server?.close();
  await stack?.stop();
});

const get = (path: string) => fetch(`${origin}/ops/jobs/api${path}`, { headers: { 'x-test-user': 'olga' } });

test('createOpsJobs refuses an async display or searchable, naming the option and the fix', () => {
  const base = { engine: fromPgBoss(stack.boss), store: createPostgresStore({ pglite: stack.pglite }), auth };
  for (const [option, displayPolicy] of [
    ['displayPolicy.display', { display: async () => ({ show: 1 }) }],
    ['displayPolicy.searchable', { ...hideKeysMatching(/secret/), searchable: async () => true }],
  ] as const) {
    assert.throws(() => createOpsJobs({ ...base, displayPolicy: displayPolicy as never }), (error: unknown) => {
      assert.ok(error instanceof OptionsError);
      assert.equal(error.option, option);
      assert.match(error.message, /must answer synchronously, but is an async function/);
      assert.match(error.message, /auth\.currentActor \(which may be async\)/);
      return true;
    });
  }
});

test('a synchronous policy shows what it answers', async () => {
  answer = 'sync';
  const response = await get(`/queues/payments/jobs/${stack.ids.failed[0]}`);
  assert.equal(response.status, 200);
  const job = await response.json();
  assert.match(job.data.value.customer, /^cus_\d$/);
  assert.equal((await get('/queues/payments/jobs?state=failed&data.customer=cus_0')).status, 200);
});

test('a display that returns a promise fails the request with a 500 and a log line naming the fix, not hidden values', async () => {
  for (const mode of ['promise', 'rejected promise'] as const) {
    answer = mode;
    logged.length = 0;
    for (const path of [`/queues/payments/jobs/${stack.ids.failed[0]}`, '/queues/payments/jobs?state=failed']) {
      const response = await get(path);
      assert.equal(response.status, 500, `${mode}: ${path}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = await response.text();
      assert.ok(!body.includes('cus_') && !body.includes(PLANTED_SECRET) && !body.includes('"hidden"'), body);
    }
    const messages = logged.map(({ error }) => (error instanceof Error ? error.message : String(error)));
    assert.equal(messages.length, 2, messages.join('\n'));
    for (const message of messages) assert.match(message, /displayPolicy\.display returned a promise; it must answer synchronously/);
  }
  // Node reports an unhandled rejection once the turn that left it unhandled is over.
  await nextTurn();
  await nextTurn();
  assert.deepEqual(unhandled, [], 'a rejected promise from the policy is not left unhandled');
});

test('a searchable that returns a promise fails the request, rather than answering "not searchable"', async () => {
  answer = 'promise';
  logged.length = 0;
  const response = await get('/queues/payments/jobs?state=failed&data.customer=cus_0');
  assert.equal(response.status, 500);
  assert.match(String((logged[0]?.error as Error | undefined)?.message), /displayPolicy\.searchable returned a promise/);
});

test('the queue list, which shows no job data, still answers', async () => {
  answer = 'promise';
  assert.equal((await get('/queues')).status, 200);
});

test('the types say the same: display answers synchronously, auth may be async', () => {
  // @ts-expect-error a display policy returns a decision, not a promise of one
  const policy: DisplayPolicy = { display: async () => ({ show: 1 }) };
  const asyncAuth: AuthSeam<IncomingMessage, { name: string }> = {
    currentActor: async () => ({ name: 'olga' }),
    authorize: async () => true,
    auditPrincipal: async (operator) => ({ id: operator.name, type: 'user', label: operator.name }),
  };
  assert.equal(typeof policy.display, 'function');
  assert.equal(typeof asyncAuth.authorize, 'function');
});
