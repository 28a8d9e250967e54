// What happens when something breaks half way: nothing changes and nothing is recorded, or, for an
// engine that cannot share the store's transaction, the record says exactly how it ended.
import assert from 'node:assert/strict';
import { PGlite } from '@electric-sql/pglite';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, PartlyAppliedError, type OpsStore } from '../../../core/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { memoryEngine, type MemoryJob } from '../support/memory-engine.ts';
import { startActionStack, type ActionStack } from '../support/action-stack.ts';

const REASON = 'Clearing the backlog after the incident';

describe('a failure between the job change and the audit write', () => {
  let stack: ActionStack;
  let failAudit = false;
  let failNextAuditOnly = false;
  before(async () => {
    stack = await startActionStack('PGlite', {
      wrapStore: (store: OpsStore): OpsStore => ({
        ...store,
        migrate: () => store.migrate(),
        transaction: (work) => store.transaction((tx) => work({
          ...tx,
          sql: tx.sql,
          consumePreview: (hash, at) => tx.consumePreview(hash, at),
          saveReceipt: (receipt) => tx.saveReceipt(receipt),
          appendAudit: async (record) => {
            if (failAudit) throw new Error('disk full while writing the audit record');
            if (failNextAuditOnly) {
              failNextAuditOnly = false;
              throw new Error('a moment of trouble while writing the audit record');
            }
            return tx.appendAudit(record);
          },
        })),
      }),
    });
  });
  after(() => stack?.stop());

  test('rolls back the job change: nothing changes and nothing is recorded', async () => {
    const [id] = await stack.failedJobs('atomic', 1);
    const { token } = await (await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'atomic', ids: [id] } })).json();
    failAudit = true;
    const response = await stack.request('olga', 'POST', '/api/actions/execute', { token, reason: REASON });
    failAudit = false;
    assert.equal(response.status, 500);
    assert.doesNotMatch(await response.text(), /disk full/, 'the cause stays in the server log');
    const job = await (await stack.request('vera', 'GET', `/api/queues/atomic/jobs/${id}`)).json();
    assert.equal(job.state, 'failed');
    const audit = await (await stack.request('ada', 'GET', `/api/audit?job=${id}`)).json();
    assert.deepEqual(audit.records, []);
    const retried = await stack.request('olga', 'POST', '/api/actions/execute', { token, reason: REASON });
    assert.equal(retried.status, 200, 'the token was not consumed by the rolled-back attempt');
  });

  test('a failed attempt that rolled back is still in the audit log, as failed with nothing changed', async () => {
    const [id] = await stack.failedJobs('attempted', 1);
    const { token } = await (await stack.request('olga', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'attempted', ids: [id] } })).json();
    failNextAuditOnly = true;
    assert.equal((await stack.request('olga', 'POST', '/api/actions/execute', { token, reason: REASON })).status, 500);
    const job = await (await stack.request('vera', 'GET', `/api/queues/attempted/jobs/${id}`)).json();
    assert.equal(job.state, 'failed');
    const { records } = await (await stack.request('ada', 'GET', `/api/audit?job=${id}`)).json();
    assert.deepEqual(records.map((record: { outcome: string; affected: number; reason: string }) => [record.outcome, record.affected, record.reason]), [['failed', 0, REASON]]);
  });
});

describe('an engine that cannot share the store transaction', () => {
  let pglite: PGlite;
  let jobs: MemoryJob[];
  let engineFailure: Error | null = null;
  let store: OpsStore;
  const request = (opsJobs: ReturnType<typeof build>, user: string, method: string, path: string, body?: unknown) =>
    opsJobs.handle(new Request(`http://console.test/ops/jobs${path}`, body === undefined ? { method } : {
      method, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(body),
    }), { user });
  const build = () => createOpsJobs<{ user: string }>({
    engine: memoryEngine(['redis-queue'], jobs, { beforeApply: () => { if (engineFailure) throw engineFailure; } }),
    store,
    auth: { currentActor: (hostRequest) => ({ name: hostRequest.user }), authorize: () => true, auditPrincipal: (actor) => ({ id: (actor as { name: string }).name, type: 'user', label: 'L' }) },
    displayPolicy: hideKeysMatching(/secret/),
    logger: { error: () => {}, warn: () => {} },
  });
  before(async () => {
    pglite = new PGlite();
    store = createPostgresStore({ pglite });
    jobs = [
      { id: 'a', queue: 'redis-queue', state: 'failed', createdAt: '2026-11-01T00:00:01Z' },
      { id: 'b', queue: 'redis-queue', state: 'failed', createdAt: '2026-11-01T00:00:02Z' },
    ];
  });
  after(() => pglite.close());

  test('records the intent, then the outcome: succeeded', async () => {
    const opsJobs = build();
    const { token } = await (await request(opsJobs, 'ann', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'redis-queue', ids: ['a'] } })).json();
    const result = await (await request(opsJobs, 'ann', 'POST', '/api/actions/execute', { token, reason: REASON })).json();
    assert.equal(result.affected, 1);
    const record = await (await request(opsJobs, 'ann', 'GET', `/api/audit/${result.auditId}`)).json();
    assert.equal(record.outcome, 'succeeded');
    assert.equal(record.affected, 1);
    assert.ok(record.completedAt);
  });

  test('an engine failure is recorded as failed, never lost', async () => {
    const opsJobs = build();
    const { token } = await (await request(opsJobs, 'ann', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'redis-queue', ids: ['b'] } })).json();
    engineFailure = new Error('connection reset by Redis');
    const response = await request(opsJobs, 'ann', 'POST', '/api/actions/execute', { token, reason: REASON });
    engineFailure = null;
    assert.equal(response.status, 500);
    const { records } = await (await request(opsJobs, 'ann', 'GET', '/api/audit?job=b')).json();
    assert.equal(records.length, 1);
    assert.equal(records[0].outcome, 'failed');
  });

  test('an engine failure part way is recorded as failed, with how many jobs it changed before', async () => {
    jobs.push({ id: 'c', queue: 'redis-queue', state: 'failed', createdAt: '2026-11-01T00:00:03Z' }, { id: 'd', queue: 'redis-queue', state: 'failed', createdAt: '2026-11-01T00:00:04Z' });
    const opsJobs = build();
    const { token } = await (await request(opsJobs, 'ann', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'redis-queue', ids: ['c', 'd'] } })).json();
    engineFailure = new PartlyAppliedError(1, new Error('connection reset by Redis'));
    const response = await request(opsJobs, 'ann', 'POST', '/api/actions/execute', { token, reason: REASON });
    engineFailure = null;
    assert.equal(response.status, 500);
    const { records } = await (await request(opsJobs, 'ann', 'GET', '/api/audit?job=c')).json();
    assert.deepEqual(records.map((record: { outcome: string; affected: number }) => [record.outcome, record.affected]), [['failed', 1]]);
  });

  test('an intent left open by a crash is shown as pending', async () => {
    const opsJobs = build();
    await store.transaction((tx) => tx.appendAudit({
      occurredAt: new Date().toISOString(), completedAt: null,
      principal: { id: 'ann', type: 'user', label: 'L' }, action: 'job.retry',
      resource: { queue: 'redis-queue', selection: { ids: ['a'] }, ids: ['a'] }, requested: 1, affected: null,
      outcome: 'pending', reason: REASON, planHash: '0'.repeat(64), correlationId: 'crashed-request',
    }));
    const { records } = await (await request(opsJobs, 'ann', 'GET', '/api/audit?outcome=pending')).json();
    assert.deepEqual(records.map((record: { correlationId: string }) => record.correlationId), ['crashed-request']);
    assert.equal(records[0].completedAt, null);
  });
});
