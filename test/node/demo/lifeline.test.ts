// The lifeline scenario of demo/README.md, for real: the demo's worker process takes a job and is
// killed with SIGKILL mid-job, on PostgreSQL. The console's background pass opens a stuck-job
// incident within the queue's heartbeat threshold and tells the host's onIncident hook, without the
// job's secret; an operator previews and executes a fail of the job with a reason; the audit log
// has the record, the incident is repaired, and onRepair hears of it.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { PgBoss } from 'pg-boss';
import pg from 'pg';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from '../../../core/index.ts';
import type { IncidentSummary, RepairSummary } from '../../../core/incidents/summary.ts';
import type { IncidentListResponse } from '../../../core/vocabulary/incident-wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { scratchDatabase, type ScratchDatabase } from '../support/database.ts';
import { headerUserAuth, startHost, type RunningHost } from '../support/http-hosts.ts';
import { waitUntil } from '../support/wait.ts';

// What demo/lifeline-worker.ts puts in its job's payload, behind a key the display policy hides.
const WORKER_SECRET = 'demo-lifeline-secret';
const QUEUE = 'lifeline.demo';

let database: ScratchDatabase;
let pool: pg.Pool;
let boss: PgBoss;
let opsJobs: OpsJobs;
let host: RunningHost;
let worker: ChildProcess | undefined;
const opened: IncidentSummary[] = [];
const repaired: RepairSummary[] = [];

before(async () => {
  database = await scratchDatabase('lifeline');
  pool = new pg.Pool({ connectionString: database.url, max: 4 });
  boss = new PgBoss({ connectionString: database.url, supervise: false, schedule: false, max: 4 });
  boss.on('error', () => {});
  await boss.start();
  opsJobs = createOpsJobs({
    engine: fromPgBoss(boss),
    store: createPostgresStore({ pool, liveChannel: false }),
    auth: headerUserAuth((user, action) => user === 'oncall' && (action.endsWith('.view') || action === 'job.fail')),
    displayPolicy: hideKeysMatching(/key/i),
    diagnosis: { intervalSeconds: 1 },
    onIncident: (summary) => void opened.push(summary),
    onRepair: (summary) => void repaired.push(summary),
  });
  await opsJobs.ready();
  host = await startHost('express', opsJobs as never);
});

after(async () => {
  worker?.kill('SIGKILL');
  await host?.close();
  await opsJobs?.close();
  await boss?.stop({ graceful: false }).catch(() => {});
  await pool?.end();
  await database?.drop();
});

/** Starts the demo's worker process and resolves with the job it works, once it works it. */
async function startWorker(): Promise<{ process: ChildProcess; jobId: string }> {
  const child = spawn(process.execPath, ['demo/lifeline-worker.ts'], { env: { ...process.env, DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const working = /working job (\S+) in process/.exec(line);
    if (working) return { process: child, jobId: working[1]! };
  }
  throw new Error(`the lifeline worker ended before it took its job (exit code ${child.exitCode})`);
}

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${host.url}/ops/jobs/api/${path}`, { ...init, headers: { 'x-test-user': 'oncall', 'content-type': 'application/json', origin: host.url, ...init.headers } });

test('a worker killed mid-job: an incident within the threshold, a previewed and audited repair, and the hooks told without the secret', { timeout: 90_000 }, async (t) => {
  const started = await startWorker();
  worker = started.process;
  const { jobId } = started;
  const killedAt = Date.now();
  worker.kill('SIGKILL');
  await once(worker, 'exit');

  // The queue's jobs count as late 10 s after their last heartbeat; the pass runs every second.
  await waitUntil(() => opened.some((summary) => summary.jobId === jobId), 'onIncident for the stuck job', { timeoutMs: 30_000 });
  const incident = opened.find((summary) => summary.jobId === jobId)!;
  assert.equal(incident.kind, 'stuck-job');
  assert.equal(incident.queue, QUEUE);
  t.diagnostic(`the incident opened ${Date.now() - killedAt} ms after the kill`);
  assert.equal(JSON.stringify(opened).includes(WORKER_SECRET), false, 'the summary carries no job data');

  const listed = (await (await api('incidents')).json()) as IncidentListResponse;
  const open = listed.incidents.find((entry) => entry.jobId === jobId);
  assert.equal(open?.resolvedAt, null, 'the incident is open in the view');

  const preview = await api('actions/preview', { method: 'POST', body: JSON.stringify({ action: 'job.fail', target: { queue: QUEUE, ids: [jobId] } }) });
  const previewText = await preview.text();
  assert.equal(preview.status, 200, previewText);
  assert.equal(previewText.includes(WORKER_SECRET), false);
  const { token } = JSON.parse(previewText) as { token: string };
  const executed = await api('actions/execute', { method: 'POST', body: JSON.stringify({ token, reason: 'worker host died mid-job; failing it so the retry policy applies' }) });
  const result = (await executed.json()) as { affected: number; auditId: string };
  assert.equal(executed.status, 200, JSON.stringify(result));
  assert.equal(result.affected, 1);

  const record = (await (await api(`audit/${result.auditId}`)).json()) as { action: string; outcome: string; reason: string };
  assert.deepEqual([record.action, record.outcome], ['job.fail', 'succeeded']);
  assert.equal((await boss.getJobById(QUEUE, jobId))?.state, 'failed', 'the job failed for good (the queue allows no retry)');

  const after = (await (await api('incidents')).json()) as IncidentListResponse;
  const resolved = after.incidents.find((entry) => entry.jobId === jobId);
  assert.ok(resolved?.resolvedAt, 'the incident is resolved');
  assert.equal(resolved?.resolution, 'repaired');
  await waitUntil(() => repaired.some((summary) => summary.jobId === jobId), 'onRepair for the stuck job', { timeoutMs: 5_000 });
  const repair = repaired.find((summary) => summary.jobId === jobId)!;
  assert.equal(repair.action, 'job.fail');
  assert.equal(repair.auditId, result.auditId);
  assert.equal(JSON.stringify(repaired).includes(WORKER_SECRET), false);
});
