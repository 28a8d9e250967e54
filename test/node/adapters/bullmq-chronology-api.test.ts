// A job's chronology over BullMQ on Redis, with the store on PostgreSQL, on real Express and Koa
// servers: actions taken through the console's own preview and execute, then the job's life and
// those records in one list; a job deleted by an operator still told from the audit log; records
// hidden from an operator who may not read it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { OpsJobs } from '../../../core/index.ts';
import type { ChronologyAuditEntry, ChronologyJobEntry, ChronologyResponse } from '../../../core/vocabulary/chronology.ts';
import type { OperatorName } from '../support/action-stack.ts';
import { startBullMQStack, type BullMQStack } from '../support/bullmq-stack.ts';
import { dropSchemas, uniqueSchema } from '../support/database.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { deletePrefix, uniquePrefix } from '../support/redis.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from './bullmq/seed.ts';

const REASON = 'Card processor recovered, incident 5120';

describe('the chronology over BullMQ', () => {
  const prefix = uniquePrefix('chronology');
  const storeSchema = uniqueSchema('ops_bullmq_chronology');
  let stack: BullMQStack;
  let seeded: SeededQueue;
  const hosts: RunningHost[] = [];
  const audit = { retry: '', delete: '' };

  async function act(user: OperatorName, action: string, ids: string[]): Promise<string> {
    const preview = await stack.request(user, 'POST', '/api/actions/preview', { action, target: { queue: 'payments', ids } });
    const previewed = (await preview.json()) as { token: string };
    assert.equal(preview.status, 200, JSON.stringify(previewed));
    const executed = await stack.request(user, 'POST', '/api/actions/execute', { token: previewed.token, reason: REASON });
    const result = (await executed.json()) as { outcome: string; auditId: string };
    assert.equal(executed.status, 200, JSON.stringify(result));
    assert.equal(result.outcome, 'succeeded');
    return result.auditId;
  }

  before(async () => {
    stack = await startBullMQStack({ prefix, storeSchema });
    seeded = await seedEveryState(stack.redis, prefix);
    audit.retry = await act('olga', 'job.retry', [seeded.ids.failed[0]!]);
    audit.delete = await act('olga', 'job.delete', [seeded.ids.failed[1]!]);
    for (const name of HOSTS) hosts.push(await startHost(name, stack.opsJobs as unknown as OpsJobs<never>, { sessionFromHeader: true }));
  });
  after(async () => {
    for (const host of hosts) await host.close();
    if (stack) {
      await deletePrefix(stack.redis, prefix);
      await dropSchemas((text) => stack.pool.query(text), [storeSchema]);
      await stack.stop();
    }
  });

  const get = (host: RunningHost, path: string, user?: string) => fetch(`${host.url}/ops/jobs/api${path}`, { headers: user ? { 'x-test-user': user } : {} });
  const chronology = async (host: RunningHost, path: string, user: string) => {
    const response = await get(host, path, user);
    const text = await response.text();
    assert.equal(response.status, 200, text);
    assert.equal(text.includes(PLANTED_SECRET), false, 'no secret in the answer');
    return JSON.parse(text) as ChronologyResponse;
  };
  const records = (answer: ChronologyResponse) => answer.entries.filter((entry): entry is ChronologyAuditEntry => entry.source === 'audit').map((entry) => [entry.record.id, entry.record.action, entry.record.outcome]);

  for (const name of HOSTS) {
    const host = () => hosts.find((running) => running.name === name)!;

    test(`${name}: a retried job, its life and the retry's record in one list, oldest first`, async () => {
      const answer = await chronology(host(), `/queues/payments/jobs/${seeded.ids.failed[0]}/chronology`, 'ada');
      assert.equal(answer.audit, 'shown');
      assert.notEqual(answer.job, null);
      assert.deepEqual(records(answer), [[audit.retry, 'job.retry', 'succeeded']]);
      const points = answer.entries.filter((entry): entry is ChronologyJobEntry => entry.source === 'job').map((entry) => entry.point);
      assert.equal(points[0], 'created');
      const times = answer.entries.map((entry) => Date.parse(entry.at));
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
      assert.equal(answer.gaps.some((gap) => gap.code === 'job_gone' || gap.code === 'outcome_unrecorded'), false);
    });

    test(`${name}: a job an operator deleted, told from its record alone`, async () => {
      const answer = await chronology(host(), `/queues/payments/jobs/${seeded.ids.failed[1]}/chronology`, 'ada');
      assert.equal(answer.job, null);
      assert.deepEqual(records(answer), [[audit.delete, 'job.delete', 'succeeded']]);
      assert.deepEqual(answer.gaps.map((gap) => gap.code), ['job_gone']);
    });

    test(`${name}: records hidden from a viewer; unknown jobs 404; no operator 401`, async () => {
      const hidden = await chronology(host(), `/queues/payments/jobs/${seeded.ids.failed[0]}/chronology`, 'vera');
      assert.equal(hidden.audit, 'hidden');
      assert.deepEqual(records(hidden), []);
      assert.ok(hidden.gaps.some((gap) => gap.code === 'audit_hidden'));
      assert.equal((await get(host(), `/queues/payments/jobs/${seeded.ids.failed[1]}/chronology`, 'vera')).status, 404);
      const unknown = await get(host(), '/queues/payments/jobs/999999/chronology', 'ada');
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal((await get(host(), `/queues/payments/jobs/${seeded.ids.failed[0]}/chronology`)).status, 401);
    });

    test(`${name}: the queue's chronology lists both actions`, async () => {
      const answer = await chronology(host(), '/queues/payments/chronology', 'ada');
      assert.deepEqual(records(answer).map(([id]) => id), [audit.retry, audit.delete]);
      assert.deepEqual(answer.gaps.map((gap) => gap.code), ['queue_history_not_kept']);
    });
  }
});
