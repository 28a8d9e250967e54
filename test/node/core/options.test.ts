import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOpsJobs, hideKeysMatching, OptionsError } from '../../../core/index.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';

const valid = () => ({
  engine: memoryEngine([], []),
  store: memoryStore(),
  auth: { currentActor: () => null, authorize: () => false, auditPrincipal: () => ({ id: '1', type: 'user', label: 'x' }) },
  displayPolicy: hideKeysMatching(/secret/),
});

test('createOpsJobs names each missing seam and how to supply it', () => {
  for (const option of ['engine', 'store', 'auth', 'displayPolicy'] as const) {
    const options: Record<string, unknown> = valid();
    delete options[option];
    assert.throws(() => createOpsJobs(options as never), (error: unknown) => {
      assert.ok(error instanceof OptionsError);
      assert.equal(error.option, option);
      assert.match(error.message, new RegExp(`option \`${option}\` is required: pass`));
      return true;
    });
  }
});

test('createOpsJobs names a seam method that is not a function', () => {
  const options = valid();
  assert.throws(() => createOpsJobs({ ...options, auth: { ...options.auth, auditPrincipal: 'nope' } as never }), /option `auth.auditPrincipal` must be a function/);
  assert.throws(() => createOpsJobs({ ...options, displayPolicy: {} as never }), /option `displayPolicy.display` must be a function/);
});

test('createOpsJobs takes a BCP 47 locale for its pages and rejects anything else', () => {
  assert.doesNotThrow(() => createOpsJobs({ ...valid(), locale: 'de-AT' }));
  for (const locale of ['', 'not a tag', 'de_DE!', 42]) {
    assert.throws(() => createOpsJobs({ ...valid(), locale: locale as string }), /option `locale` must be a BCP 47 language tag/, String(locale));
  }
});

test('createOpsJobs rejects a malformed mount or sign-in URL', () => {
  for (const mount of ['ops', '/ops/', '/a b', '', '//x']) {
    assert.throws(() => createOpsJobs({ ...valid(), mount }), /option `mount` must be a path/, mount);
  }
  assert.throws(() => createOpsJobs({ ...valid(), signInUrl: 'https://evil.example/login' }), /option `signInUrl`/);
  assert.throws(() => createOpsJobs({ ...valid(), signInUrl: '//evil.example' }), /option `signInUrl`/);
  assert.throws(() => createOpsJobs({ ...valid(), signOutUrl: 'https://evil.example/logout' }), /option `signOutUrl`/);
  assert.throws(() => createOpsJobs({ ...valid(), signOutUrl: '//evil.example' }), /option `signOutUrl`/);
  assert.equal(createOpsJobs({ ...valid(), mount: '/admin/jobs' }).mount, '/admin/jobs');
  assert.equal(createOpsJobs(valid()).mount, '/ops/jobs');
});

test('ready() runs the store migrations once, and again after a failure', async () => {
  const store = memoryStore();
  const opsJobs = createOpsJobs({ ...valid(), store });
  await Promise.all([opsJobs.ready(), opsJobs.ready()]);
  await opsJobs.handle(new Request('http://host/ops/jobs/api/session'), null);
  assert.equal(store.runs, 1);

  let attempts = 0;
  const flaky = createOpsJobs({ ...valid(), store: { ...memoryStore(), migrate: async () => {
    attempts += 1;
    if (attempts === 1) throw new Error('database down');
    return { schema: 's', applied: [], version: 1 };
  } } });
  await assert.rejects(flaky.ready(), /database down/);
  await flaky.ready();
  assert.equal(attempts, 2);
});

test('createOpsJobs refuses a display policy whose searchable fields are not a short list of field paths', () => {
  const options = valid();
  for (const searchableFields of ['customer.id', ['customer..id'], [42], Array.from({ length: 21 }, (_, index) => `f${index}`)]) {
    assert.throws(() => createOpsJobs({ ...options, displayPolicy: { ...options.displayPolicy, searchableFields } as never }), /option `displayPolicy.searchableFields` must be a list/);
  }
  assert.doesNotThrow(() => createOpsJobs({ ...options, displayPolicy: { ...options.displayPolicy, searchableFields: ['customer.id'] } }));
});
