// GET api/queues/{queue}/jobs/{id}/chronology and api/queues/{queue}/chronology on real Express and
// Koa servers over pg-boss on PGlite, with the store in the same database: a job's life and the
// audit records that touched it in one list, a job the engine no longer has told from its records,
// what is missing said plainly, audit records only for operators who may read the audit log, and
// error messages as the display policy shows them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, type Action, type DisplayPolicy, type OpsJobs, type OpsStore, type Resource } from '../../../core/index.ts';
import type { NewAuditRecord } from '../../../core/contracts/audit.ts';
import type { ChronologyAuditEntry, ChronologyJobEntry, ChronologyResponse } from '../../../core/vocabulary/chronology.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { HOSTS, headerUserAuth, startHost, type RunningHost } from '../support/http-hosts.ts';

const SECRET = 'sk_live_CHRONO_9191';

/** ada sees everything; vera jobs and queues but not the audit log; scoped not the payroll queue; blind nothing. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'blind') return false;
  if (user === 'scoped' && 'queue' in resource && resource.queue === 'payroll') return false;
  if (action === 'audit.view') return user === 'ada';
  return action.endsWith('.view');
}

/** Error messages and reasons with the secret masked, operators' names shown, everything else hidden. */
const displayPolicy: DisplayPolicy = {
  display: (kind, value) => {
    if (kind === 'job_error') return { show: JSON.parse(JSON.stringify(value).replaceAll(SECRET, '[hidden]')) };
    if (kind === 'reason') return { show: String(value).replaceAll(SECRET, '[hidden]') };
    return kind === 'actor_label' ? { show: value } : { hide: true };
  },
};

let pglite: PGlite;
let boss: PgBoss;
let store: OpsStore;
let opsJobs: OpsJobs;
const ids = { failed: '', retrying: '', pruned: '', quiet: '', payroll: '' };
const audit = { retry: '', pending: '', old: '', pruned: '' };

function record(ids: string[], at: Date, extra: Partial<NewAuditRecord> = {}): NewAuditRecord {
  return {
    occurredAt: at.toISOString(), completedAt: at.toISOString(),
    principal: { id: 'user-olga', type: 'user', label: 'Olga' }, action: 'job.retry',
    resource: { queue: 'payments', selection: { ids }, ids }, requested: ids.length, affected: ids.length,
    outcome: 'succeeded', reason: `ticket 7 ${SECRET}`, planHash: 'h'.repeat(64), correlationId: 'c-1', ...extra,
  };
}
const append = async (value: NewAuditRecord) => (await store.transaction((tx) => tx.appendAudit(value))).id;

before(async () => {
  pglite = new PGlite();
  boss = new PgBoss({ db: fromPglite(pglite), supervise: false, schedule: false });
  boss.on('error', (error) => console.error('pg-boss error in the chronology test', error));
  await boss.start();
  await boss.createQueue('payments', { retryLimit: 0 });
  await boss.createQueue('emails', { retryLimit: 5, retryDelay: 0 });
  await boss.createQueue('payroll', { retryLimit: 0 });
  await boss.createQueue('quiet', { retryLimit: 0 });
  store = createPostgresStore({ pglite });
  opsJobs = createOpsJobs({
    engine: fromPgBoss(boss),
    store,
    auth: headerUserAuth(allow),
    displayPolicy,
  });
  await opsJobs.ready();

  // A job that failed, with the secret in its message; and a record an hour older than it, of an earlier job with its id.
  ids.failed = (await boss.send('payments', { card: SECRET }))!;
  await boss.fetch('payments');
  await boss.fail('payments', ids.failed, { message: `card declined for ${SECRET}` });
  audit.old = await append(record([ids.failed], new Date(Date.now() - 3_600_000)));
  audit.retry = await append(record([ids.failed], new Date(Date.now() + 1000)));
  audit.pending = await append(record([ids.failed], new Date(Date.now() + 2000), { outcome: 'pending', completedAt: null, affected: null, action: 'job.cancel' }));

  // A job that failed twice and waits to retry.
  ids.retrying = (await boss.send('emails', { to: 'a@example.com' }))!;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const [job] = await boss.fetch('emails');
    assert.equal(job?.id, ids.retrying);
    await boss.fail('emails', ids.retrying, { message: `smtp refused ${attempt}` });
  }
  await pglite.query(`UPDATE pgboss.job SET start_after = now() + interval '1 hour' WHERE id = $1`, [ids.retrying]);

  // A job the engine no longer has: only its audit records remain.
  ids.pruned = (await boss.send('payments', { card: SECRET }))!;
  audit.pruned = await append(record([ids.pruned], new Date()));
  await boss.deleteJob('payments', ids.pruned);

  ids.quiet = (await boss.send('quiet', {}))!;
  ids.payroll = (await boss.send('payroll', {}))!;
});

after(async () => {
  opsJobs?.close();
  await boss?.stop({ graceful: false }).catch(() => {});
  await pglite?.close();
});

for (const hostName of HOSTS) {
  describe(`the chronology over pg-boss on ${hostName}`, () => {
    let host: RunningHost;
    before(async () => {
      host = await startHost(hostName, opsJobs as never);
    });
    after(() => host?.close());

    const get = (path: string, user?: string) => fetch(`${host.url}/ops/jobs/api${path}`, { headers: user ? { 'x-test-user': user } : {} });
    const chronology = async (path: string, user: string) => {
      const response = await get(path, user);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      assert.equal(text.includes(SECRET), false, 'no secret in the answer');
      return JSON.parse(text) as ChronologyResponse;
    };
    const jobPoints = (answer: ChronologyResponse) => answer.entries.filter((entry): entry is ChronologyJobEntry => entry.source === 'job').map((entry) => entry.point);
    const records = (answer: ChronologyResponse) => answer.entries.filter((entry): entry is ChronologyAuditEntry => entry.source === 'audit').map((entry) => entry.record.id);

    test("a failed job: its life and the audit records that touched it, oldest first, the error as the policy shows it", async () => {
      const answer = await chronology(`/queues/payments/jobs/${ids.failed}/chronology`, 'ada');
      assert.deepEqual(answer.subject, { kind: 'job', queue: 'payments', id: ids.failed });
      assert.equal(answer.job?.state, 'failed');
      assert.equal(answer.audit, 'shown');
      assert.deepEqual(jobPoints(answer), ['created', 'started', 'failed', 'kept_until']);
      const failed = answer.entries.find((entry) => entry.source === 'job' && entry.point === 'failed') as ChronologyJobEntry;
      assert.equal(failed.errorMessage, 'card declined for [hidden]');
      assert.equal(failed.attempt, 1);
      assert.deepEqual(records(answer), [audit.old, audit.retry, audit.pending]);
      const times = answer.entries.map((entry) => Date.parse(entry.at));
      assert.deepEqual(times, [...times].sort((a, b) => a - b), 'oldest first');
      const retry = answer.entries.find((entry) => entry.source === 'audit' && entry.record.id === audit.retry) as ChronologyAuditEntry;
      assert.equal(retry.record.reason, 'ticket 7 [hidden]');
      assert.equal(retry.record.principal.label, 'Olga');
      const codes = answer.gaps.map((gap) => gap.code);
      assert.deepEqual(codes, ['audit_before_created', 'outcome_unrecorded']);
      assert.equal(answer.gaps[0]?.count, 1);
      assert.equal(answer.gaps[1]?.recordId, audit.pending);
    });

    test('a job that failed twice and waits to retry: its next attempt, and that the earlier attempt has no times', async () => {
      const answer = await chronology(`/queues/emails/jobs/${ids.retrying}/chronology`, 'ada');
      assert.equal(answer.job?.state, 'retrying');
      const made = answer.job!.attempts.made;
      assert.ok(made >= 2, `attempts made: ${made}`);
      const next = answer.entries.find((entry) => entry.source === 'job' && entry.point === 'retry_at') as ChronologyJobEntry;
      assert.equal(next.future, true);
      assert.equal(next.attempt, made + 1);
      assert.match(next.errorMessage ?? '', /^smtp refused/);
      assert.deepEqual(answer.gaps.map((gap) => [gap.code, gap.count]), [['earlier_attempts_untimed', made - 1]]);
    });

    test('a job the engine no longer has: its chronology from the audit log alone, saying so', async () => {
      const answer = await chronology(`/queues/payments/jobs/${ids.pruned}/chronology`, 'ada');
      assert.equal(answer.job, null);
      assert.deepEqual(jobPoints(answer), []);
      assert.deepEqual(records(answer), [audit.pruned]);
      assert.deepEqual(answer.gaps.map((gap) => gap.code), ['job_gone']);
    });

    test('an operator who may not read the audit log gets the job and is told the records are hidden', async () => {
      const answer = await chronology(`/queues/payments/jobs/${ids.failed}/chronology`, 'vera');
      assert.equal(answer.audit, 'hidden');
      assert.deepEqual(records(answer), []);
      assert.deepEqual(answer.gaps.map((gap) => gap.code), ['audit_hidden']);
      // Without the audit log, a job the engine no longer has is unknown, as on its page.
      const pruned = await get(`/queues/payments/jobs/${ids.pruned}/chronology`, 'vera');
      assert.equal(pruned.status, 404);
      assert.match(((await pruned.json()) as { detail: string }).detail, /no job with id/);
    });

    test('a job with no records, unknown jobs and queues, and refusals', async () => {
      const quiet = await chronology(`/queues/quiet/jobs/${ids.quiet}/chronology`, 'ada');
      assert.deepEqual(jobPoints(quiet), ['created', 'kept_until']);
      assert.deepEqual(quiet.gaps, []);
      const unknown = await get('/queues/payments/jobs/00000000-0000-4000-8000-000000000000/chronology', 'ada');
      assert.equal(unknown.status, 404);
      assert.match(unknown.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(((await unknown.json()) as { detail: string }).detail, /no job with id/);
      const noQueue = await get('/queues/nowhere/jobs/1/chronology', 'ada');
      assert.equal(noQueue.status, 404);
      assert.match(((await noQueue.json()) as { detail: string }).detail, /no queue named "nowhere"/);
      assert.equal((await get(`/queues/payments/jobs/${ids.failed}/chronology`)).status, 401);
      assert.equal((await get(`/queues/payments/jobs/${ids.failed}/chronology`, 'blind')).status, 403);
      assert.equal((await get(`/queues/payroll/jobs/${ids.payroll}/chronology`, 'scoped')).status, 403);
      const bad = await get('/queues/payments/jobs/%E0%A4%A/chronology', 'ada');
      assert.equal(bad.status, 400);
    });

    test("a queue's chronology: the actions on it from the audit log, saying the engine keeps no history of the queue", async () => {
      const answer = await chronology('/queues/payments/chronology', 'ada');
      assert.deepEqual(answer.subject, { kind: 'queue', queue: 'payments' });
      // The pruned job's record was made between the others, an hour after the oldest.
      assert.deepEqual(records(answer), [audit.old, audit.pruned, audit.retry, audit.pending]);
      assert.deepEqual(answer.gaps.map((gap) => gap.code), ['queue_history_not_kept', 'outcome_unrecorded']);
      const hidden = await chronology('/queues/payments/chronology', 'vera');
      assert.deepEqual(hidden.entries, []);
      assert.deepEqual(hidden.gaps.map((gap) => gap.code), ['queue_history_not_kept', 'audit_hidden']);
      assert.equal((await get('/queues/nowhere/chronology', 'ada')).status, 404);
      assert.equal((await get('/queues/payments/chronology')).status, 401);
      assert.equal((await get('/queues/payroll/chronology', 'scoped')).status, 403);
    });
  });
}

describe('the chronology when the audit log cannot be read', () => {
  let host: RunningHost;
  let broken: OpsJobs;
  const errors: unknown[] = [];
  before(async () => {
    // The same engine and store, but every read of the audit log fails, as when its database is away.
    const failing: OpsStore = { ...store, listAudit: async () => { throw new Error('connection terminated'); } };
    broken = createOpsJobs({ engine: fromPgBoss(boss), store: failing, auth: headerUserAuth(allow), displayPolicy, logger: { error: (...parts: unknown[]) => void errors.push(parts), warn: () => {} } });
    await broken.ready();
    host = await startHost('express', broken as never);
  });
  after(async () => {
    broken?.close();
    await host?.close();
  });

  test("still tells the job's life, and says the records could not be read; a job the engine lacks is a 500, not a 404", async () => {
    const response = await fetch(`${host.url}/ops/jobs/api/queues/payments/jobs/${ids.failed}/chronology`, { headers: { 'x-test-user': 'ada' } });
    const answer = (await response.json()) as ChronologyResponse;
    assert.equal(response.status, 200);
    assert.equal(answer.audit, 'unreadable');
    assert.deepEqual(answer.entries.map((entry) => entry.source === 'job' && entry.point), ['created', 'started', 'failed', 'kept_until']);
    assert.deepEqual(answer.gaps.map((gap) => gap.code), ['audit_unreadable']);
    assert.ok(errors.length > 0, 'the failure is logged');
    const pruned = await fetch(`${host.url}/ops/jobs/api/queues/payments/jobs/${ids.pruned}/chronology`, { headers: { 'x-test-user': 'ada' } });
    assert.equal(pruned.status, 500, 'whether the audit log names it cannot be told');
  });
});
