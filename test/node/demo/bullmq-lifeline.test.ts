// The lifeline scenario of demo/README.md on BullMQ, for real: the demo's worker process takes a job
// on Redis and is killed with SIGKILL mid-job. Its 5 s lock expires, the console's background pass
// opens a stuck-job incident and tells the host's onIncident hook, without the job's secret; an
// operator previews a fail of the job on Express and on Koa and executes it with a reason; BullMQ
// holds the job as failed, the audit log has the record, the incident is repaired, and onRepair
// hears of it. A job a live worker holds is refused at the preview and left as it was.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { Job, Queue } from 'bullmq';
import { fromBullMQ } from '../../../adapters/bullmq/index.ts';
import { FAILED_BY_OPERATOR } from '../../../adapters/bullmq/fail-abandoned.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from '../../../core/index.ts';
import type { IncidentSummary, RepairSummary } from '../../../core/incidents/summary.ts';
import type { IncidentListResponse } from '../../../core/vocabulary/incident-wire.ts';
import { headerUserAuth, startHost, type RunningHost } from '../support/http-hosts.ts';
import { REDIS_URL, uniquePrefix, useRedis } from '../support/redis.ts';
import { waitUntil } from '../support/wait.ts';

// What demo/lifeline-worker.ts puts in its job's payload, behind a key the display policy hides.
const WORKER_SECRET = 'demo-lifeline-secret';
const QUEUE = 'lifeline-demo';

describe('the lifeline on BullMQ', () => {
  const workers: ChildProcess[] = [];
  // Registered first, so it runs before the prefix's keys are deleted: no worker writes after that.
  after(async () => {
    await Promise.all(workers.filter((worker) => worker.exitCode === null && worker.signalCode === null).map((worker) => {
      worker.kill('SIGKILL');
      return once(worker, 'exit');
    }));
  });
  const redis = useRedis();
  const prefix = uniquePrefix('lifeline');
  redis.prefixes.push(prefix);
  let pglite: PGlite;
  let opsJobs: OpsJobs;
  let queue: Queue;
  const hosts: RunningHost[] = [];
  const opened: IncidentSummary[] = [];
  const repaired: RepairSummary[] = [];

  before(async () => {
    pglite = await PGlite.create();
    opsJobs = createOpsJobs({
      engine: fromBullMQ({ connection: redis.client(), prefix, discoveryIntervalMs: 500 }),
      store: createPostgresStore({ pglite }),
      auth: headerUserAuth((user, action) => user === 'oncall' && (action.endsWith('.view') || action === 'job.fail')),
      displayPolicy: hideKeysMatching(/key/i),
      diagnosis: { intervalSeconds: 1 },
      onIncident: (summary) => void opened.push(summary),
      onRepair: (summary) => void repaired.push(summary),
    });
    await opsJobs.ready();
    hosts.push(await startHost('express', opsJobs as never), await startHost('koa', opsJobs as never));
    queue = new Queue(QUEUE, { connection: redis.client(), prefix });
  });

  after(async () => {
    await Promise.all(hosts.map((host) => host.close()));
    await opsJobs?.close();
    await queue?.close();
    await pglite?.close();
  });

  /** Starts the demo's worker process on BullMQ and resolves with the job it works, once it works it. */
  async function startWorker(): Promise<{ process: ChildProcess; jobId: string }> {
    const child = spawn(process.execPath, ['demo/lifeline-worker.ts', 'bullmq'], { env: { ...process.env, REDIS_URL, BULLMQ_PREFIX: prefix }, stdio: ['ignore', 'pipe', 'inherit'] });
    workers.push(child);
    for await (const line of createInterface({ input: child.stdout! })) {
      const working = /working job (\S+) in process/.exec(line);
      if (working) return { process: child, jobId: working[1]! };
    }
    throw new Error(`the lifeline worker ended before it took its job (exit code ${child.exitCode})`);
  }

  const api = (host: RunningHost, path: string, init: RequestInit = {}) =>
    fetch(`${host.url}/ops/jobs/api/${path}`, { ...init, headers: { 'x-test-user': 'oncall', 'content-type': 'application/json', origin: host.url, ...init.headers } });

  const previewFail = (host: RunningHost, jobId: string) =>
    api(host, 'actions/preview', { method: 'POST', body: JSON.stringify({ action: 'job.fail', target: { queue: QUEUE, ids: [jobId] } }) });

  test('a worker killed mid-job: an incident once its lock is gone, a previewed and audited fail, and the hooks told without the secret', { timeout: 90_000 }, async (t) => {
    const [express, koa] = hosts as [RunningHost, RunningHost];
    const started = await startWorker();
    const { jobId } = started;
    assert.ok(await redis.client().get(`${prefix}:${QUEUE}:${jobId}:lock`), 'the live worker holds the job’s lock');
    const killedAt = Date.now();
    started.process.kill('SIGKILL');
    await once(started.process, 'exit');

    // The lock lasts 5 s and the pass runs every second.
    await waitUntil(() => opened.some((summary) => summary.jobId === jobId), 'onIncident for the stuck job', { timeoutMs: 30_000, intervalMs: 100 });
    t.diagnostic(`the incident opened ${Date.now() - killedAt} ms after the kill`);
    const incident = opened.find((summary) => summary.jobId === jobId)!;
    assert.equal(incident.kind, 'stuck-job');
    assert.equal(incident.queue, QUEUE);
    assert.equal(JSON.stringify(opened).includes(WORKER_SECRET), false, 'the summary carries no job data');
    assert.equal(await queue.getJobState(jobId), 'active', 'BullMQ still holds it as running: nothing took it back');

    const listed = (await (await api(express, 'incidents')).json()) as IncidentListResponse;
    assert.equal(listed.incidents.find((entry) => entry.jobId === jobId)?.resolvedAt, null, 'the incident is open in the view');

    // The same preview on both hosts; the Express one is executed.
    const previews = await Promise.all([express, koa].map(async (host) => {
      const response = await previewFail(host, jobId);
      const text = await response.text();
      assert.equal(response.status, 200, `${host.name}: ${text}`);
      assert.equal(text.includes(WORKER_SECRET), false, `${host.name}: no secret in the preview`);
      return JSON.parse(text) as { token: string; count: number; warnings: string[] };
    }));
    for (const preview of previews) {
      assert.equal(preview.count, 1);
      assert.ok(preview.warnings.some((warning) => /no worker holding its lock/.test(warning)), preview.warnings.join(' | '));
      assert.ok(preview.warnings.some((warning) => /no attempts left, so it fails for good/.test(warning)), preview.warnings.join(' | '));
    }

    const executed = await api(express, 'actions/execute', { method: 'POST', body: JSON.stringify({ token: previews[0]!.token, reason: 'worker host died mid-job; failing it so it is not left running' }) });
    const result = (await executed.json()) as { affected: number; auditId: string };
    assert.equal(executed.status, 200, JSON.stringify(result));
    assert.equal(result.affected, 1);

    assert.equal(await queue.getJobState(jobId), 'failed', 'BullMQ holds the job as failed (one attempt, none left)');
    const job = await Job.fromId(queue, jobId);
    assert.equal(job?.failedReason, FAILED_BY_OPERATOR);
    assert.equal(job?.attemptsMade, 1);
    assert.equal(await redis.client().exists(`${prefix}:${QUEUE}:${jobId}:lock`), 0, 'the console’s lock went with the move');

    const record = (await (await api(koa, `audit/${result.auditId}`)).json()) as { action: string; outcome: string; reason: string; affected: number };
    assert.deepEqual([record.action, record.outcome, record.affected], ['job.fail', 'succeeded', 1]);
    assert.match(record.reason, /worker host died/);

    // Resolved right after the action, not at the next pass.
    const afterwards = (await (await api(express, 'incidents')).json()) as IncidentListResponse;
    const resolved = afterwards.incidents.find((entry) => entry.jobId === jobId);
    assert.ok(resolved?.resolvedAt, 'the incident is resolved');
    assert.equal(resolved?.resolution, 'repaired');
    await waitUntil(() => repaired.some((summary) => summary.jobId === jobId), 'onRepair for the stuck job', { timeoutMs: 5_000 });
    const repair = repaired.find((summary) => summary.jobId === jobId)!;
    assert.equal(repair.action, 'job.fail');
    assert.equal(repair.auditId, result.auditId);
    assert.equal(JSON.stringify(repaired).includes(WORKER_SECRET), false);

    // The Koa preview's plan no longer holds: the job is not running any more.
    const stale = await api(koa, 'actions/execute', { method: 'POST', body: JSON.stringify({ token: previews[1]!.token, reason: 'a second operator, a moment too late' }) });
    assert.equal(stale.status, 409, await stale.text());
  });

  test("a live worker's job is refused at the preview, as held by its worker, and left as it was", { timeout: 60_000 }, async () => {
    const [express, koa] = hosts as [RunningHost, RunningHost];
    const { jobId } = await startWorker();
    const lock = `${prefix}:${QUEUE}:${jobId}:lock`;
    const token = await redis.client().get(lock);
    assert.ok(token, 'the worker holds the job’s lock');
    const auditBefore = (await (await api(express, 'audit?limit=50')).json()) as { records: unknown[] };

    for (const host of [express, koa]) {
      const refused = await previewFail(host, jobId);
      assert.equal(refused.status, 400, host.name);
      assert.match(refused.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = (await refused.json()) as { detail: string };
      assert.match(problem.detail, /held by a live worker/, host.name);
    }
    assert.equal(await queue.getJobState(jobId), 'active', 'still running');
    const job = await Job.fromId(queue, jobId);
    assert.equal(job?.failedReason, undefined, 'no failure written');
    assert.equal(job?.attemptsMade, 0);
    // The worker renews its lock meanwhile, with its own token: the console never took it.
    assert.equal(await redis.client().get(lock), token);
    const auditAfter = (await (await api(express, 'audit?limit=50')).json()) as { records: unknown[] };
    assert.equal(auditAfter.records.length, auditBefore.records.length, 'nothing to audit: nothing was executed');
  });
});
