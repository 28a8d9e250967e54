// Finding things on real Express and Koa servers over pg-boss and the store on PostgreSQL: the
// session lists the payload fields to filter on and says ids are found by prefix; job listings by
// payload field; and GET api/audit/suggestions, behind audit.view, which never suggests an
// operator label the display policy hides or changes, and refuses a bad field with a problem.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import { createOpsJobs, hideKeysMatching, type Action, type DisplayPolicy, type OpsJobs, type OpsStore } from '../../../core/index.ts';
import type { AuditSuggestionsResponse, JobPageResponse, SessionResponse } from '../../../core/vocabulary/wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { connectPostgres, DATABASE_URL, dropSchemas, uniqueSchema } from '../support/database.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { newAuditRecord } from './postgres/fixtures.ts';

const HIDDEN_LABEL = 'Hidden Harriet';
const MASKED_LABEL = 'Mallory Masked';

const base = hideKeysMatching(/secret|token/i, { searchable: ['customer.id', 'region', 'apiToken'] });
/** Job data as hideKeysMatching shows it; one operator's label hidden, another's shown changed. */
const policy: DisplayPolicy = {
  ...base,
  display(kind, value, context) {
    if (kind === 'actor_label' && value === HIDDEN_LABEL) return { hide: true };
    if (kind === 'actor_label' && value === MASKED_LABEL) return { show: 'Operator M.' };
    // The vault's job data is never shown, though its fields are searchable.
    if (kind === 'job_data' && context.queue === 'vault') return { hide: true };
    return base.display(kind, value, context);
  },
};

function allow(user: string, action: Action): boolean {
  if (user === 'auditor') return true;
  return action === 'queues.view' || action === 'jobs.view';
}

let pool: pg.Pool;
let boss: PgBoss;
let store: OpsStore;
const bossSchema = uniqueSchema('pgboss_find');
const storeSchema = uniqueSchema('ops_find');

before(async () => {
  pool = await connectPostgres(6);
  boss = new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss error in the finding test', error));
  await boss.start();
  await boss.createQueue('orders');
  await boss.createQueue('vault');
  await boss.send('vault', { customer: { id: 'cus_vault' }, region: 'eu' });
  await boss.send('orders', { customer: { id: { nested: 'object' } }, region: 'x'.repeat(500), apiToken: 'tok_odd' });
  for (const [customer, count] of [['cus_42', 3], ['cus_7', 2]] as const) {
    for (let index = 0; index < count; index++) await boss.send('orders', { customer: { id: customer }, region: 'eu', apiToken: `tok_${customer}_${index}` });
  }
  store = createPostgresStore({ pool, schema: storeSchema });
  await store.migrate();
  const principals = [
    { id: 'user-dana', type: 'user', label: 'Dana Whitfield' },
    { id: 'user-dan', type: 'user', label: 'dan ops' },
    { id: 'user-harriet', type: 'user', label: HIDDEN_LABEL },
    { id: 'user-mallory', type: 'user', label: MASKED_LABEL },
  ];
  await store.transaction(async (tx) => {
    for (const [index, queue] of ['payments', 'payroll', 'emails', 'payments'].entries()) {
      await tx.appendAudit(newAuditRecord({ principal: principals[index]!, resource: { queue, selection: { ids: ['job-1'] }, ids: ['job-1'] } }));
    }
  });
});
after(async () => {
  await boss?.stop({ graceful: false }).catch(() => {});
  if (pool) {
    await dropSchemas((text) => pool.query(text), [bossSchema, storeSchema]);
    await pool.end();
  }
});

for (const hostName of HOSTS) {
  describe(`finding things on ${hostName}`, () => {
    let host: RunningHost;
    let opsJobs: OpsJobs;
    before(async () => {
      opsJobs = createOpsJobs({ engine: fromPgBoss(boss, { schema: bossSchema }), store, auth: headerUserAuth(allow), displayPolicy: policy });
      host = await startHost(hostName, opsJobs as never);
    });
    after(async () => {
      await opsJobs?.close();
      await host?.close();
    });
    const get = (user: string | null, path: string) => fetch(`${host.url}/ops/jobs/api/${path}`, { headers: user ? { 'x-test-user': user } : {} });
    const suggest = async (user: string, query: string) => {
      const response = await get(user, `audit/suggestions?${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as AuditSuggestionsResponse;
    };

    test('the session lists the searchable fields the policy lists, without one under a hidden key, and says ids are found by prefix', async () => {
      const session = (await (await get('viewer', 'session')).json()) as SessionResponse;
      assert.deepEqual(session.dataFields, ['customer.id', 'region']);
      assert.equal(session.engine.jobLookup, true);
      assert.equal(session.engine.jobLookupByPrefix, true);
    });

    test('a listing filtered on a listed field holds only its jobs; an unlisted field is a problem that changes nothing', async () => {
      const page = (await (await get('viewer', 'queues/orders/jobs?data.customer.id=cus_7')).json()) as JobPageResponse;
      assert.equal(page.jobs.length, 2);
      assert.deepEqual(page.jobs.map((job) => job.fields), [{ 'customer.id': 'cus_7', region: 'eu' }, { 'customer.id': 'cus_7', region: 'eu' }]);
      const refused = await get('viewer', 'queues/orders/jobs?data.apiToken=tok_cus_7_0');
      assert.equal(refused.status, 400);
      assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = await refused.json();
      assert.equal(problem.parameter, 'data.apiToken');
      assert.ok(!JSON.stringify(problem).includes('tok_cus_7_0'));
    });

    test('each listed job carries its values of the searchable fields, as the policy shows them, never a hidden one', async () => {
      for (const state of ['', 'state=queued&']) {
        const page = (await (await get('viewer', `queues/orders/jobs?${state}limit=20`)).json()) as JobPageResponse;
        assert.equal(page.jobs.length, 6, state);
        const odd = page.jobs.find((job) => job.fields?.['customer.id'] === undefined);
        const rest = page.jobs.filter((job) => job !== odd);
        // An object is not a value to show in a column; a long text is cut.
        assert.deepEqual(odd!.fields, { region: 'x'.repeat(200) });
        assert.deepEqual(new Set(rest.map((job) => job.fields?.['customer.id'])), new Set(['cus_42', 'cus_7']));
        assert.ok(!JSON.stringify(page).includes('tok_'), 'no value under a hidden key');
      }
      const vault = (await (await get('viewer', 'queues/vault/jobs')).json()) as JobPageResponse;
      assert.equal(vault.jobs.length, 1);
      assert.equal(vault.jobs[0]!.fields, undefined);
      assert.ok(!JSON.stringify(vault).includes('cus_vault'));
    });

    test('suggestions need a signed-in operator with audit.view', async () => {
      assert.equal((await get(null, 'audit/suggestions?field=queue')).status, 401);
      const forbidden = await get('viewer', 'audit/suggestions?field=queue');
      assert.equal(forbidden.status, 403);
      assert.match(forbidden.headers.get('content-type') ?? '', /^application\/problem\+json/);
    });

    test('a bad field or prefix is a 400 problem naming the parameter', async () => {
      for (const [query, parameter] of [['field=reason', 'field'], ['prefix=pay', 'field'], [`field=queue&prefix=${'x'.repeat(101)}`, 'prefix'], ['field=queue&prefix=a%E2%80%8Bb', 'prefix']]) {
        const response = await get('auditor', `audit/suggestions?${query}`);
        assert.equal(response.status, 400, query);
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal((await response.json()).parameter, parameter, query);
      }
    });

    test('queue names that start with the prefix, each once, in order', async () => {
      assert.deepEqual((await suggest('auditor', 'field=queue&prefix=pay')).suggestions, [
        { value: 'payments', label: 'payments' }, { value: 'payroll', label: 'payroll' },
      ]);
      assert.deepEqual((await suggest('auditor', 'field=queue&prefix=')).suggestions.map((entry) => entry.value), ['emails', 'payments', 'payroll']);
      assert.deepEqual((await suggest('auditor', 'field=queue&prefix=zz')).suggestions, []);
    });

    test('operators whose label starts with the prefix, ignoring case, with the id the actor filter takes', async () => {
      assert.deepEqual((await suggest('auditor', 'field=operator&prefix=DAN')).suggestions, [
        { value: 'user-dan', label: 'dan ops' }, { value: 'user-dana', label: 'Dana Whitfield' },
      ]);
    });

    test('a label the policy hides is never suggested, and one it changes only by what it shows', async () => {
      assert.deepEqual((await suggest('auditor', 'field=operator&prefix=hid')).suggestions, []);
      assert.deepEqual((await suggest('auditor', 'field=operator&prefix=mallory')).suggestions, []);
      const all = await suggest('auditor', 'field=operator&prefix=');
      assert.deepEqual(all.suggestions.map((entry) => entry.value), ['user-dan', 'user-dana', 'user-mallory']);
      assert.equal(all.suggestions.find((entry) => entry.value === 'user-mallory')!.label, 'Operator M.');
      const text = JSON.stringify(all);
      assert.ok(!text.includes('Harriet') && !text.includes('Mallory'), text);
    });
  });
}
