// Incidents end to end on real Express and Koa servers over pg-boss on PGlite and on PostgreSQL,
// with the console's store in the same database: the background pass keeps a running job past its expiry, a flow
// stuck behind a failed step and a queue nobody works as incidents; GET api/incidents lists them
// to those who may see them; a cancel of the stuck job, previewed and executed, resolves its
// incident in the action's transaction; the host's hooks hear redacted summaries, and a hook that
// throws leaves a follow-up audit record and a working console.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import pg from 'pg';
import { createOpsJobs, type Action, type OpsJobs, type Resource } from '../../../core/index.ts';
import type { IncidentSummary, RepairSummary } from '../../../core/incidents/summary.ts';
import type { IncidentListResponse } from '../../../core/vocabulary/incident-wire.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { headerUserAuth, HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { waitUntil } from '../support/wait.ts';
import { DATABASE_URL, dropSchemas, uniqueSchema } from '../support/database.ts';
import type { OpsStore } from '../../../core/index.ts';

const SECRET = 'sk_live_incident_secret_4242';

/** A database with pg-boss in it, and the console's stores beside it. */
interface Database {
  readonly boss: PgBoss;
  /** pg-boss's schema, for the statements that age its jobs. */
  readonly bossSchema: string;
  query(text: string, values?: unknown[]): Promise<unknown>;
  store(schema: string): OpsStore;
  close(): Promise<void>;
}

const BOSS_OPTIONS = { supervise: false, schedule: false, registerInstance: true, instanceName: 'api', instanceHeartbeatSeconds: 2 } as const;

const TARGETS: readonly { readonly name: string; open(): Promise<Database> }[] = [
  {
    name: 'PGlite',
    async open() {
      const pglite = await PGlite.create();
      return {
        boss: new PgBoss({ db: fromPglite(pglite), backend: 'pglite', ...BOSS_OPTIONS }),
        bossSchema: 'pgboss',
        query: (text, values) => pglite.query(text, values),
        store: (schema) => createPostgresStore({ pglite, schema, liveChannel: false }),
        close: () => pglite.close(),
      };
    },
  },
  {
    name: 'PostgreSQL',
    async open() {
      const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
      const bossSchema = uniqueSchema('pgboss_incidents');
      const storeSchemas: string[] = [];
      return {
        boss: new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, max: 4, ...BOSS_OPTIONS }),
        bossSchema,
        query: (text, values) => pool.query(text, values),
        store: (schema) => {
          storeSchemas.push(schema);
          return createPostgresStore({ pool, schema, liveChannel: false });
        },
        async close() {
          await dropSchemas((text) => pool.query(text), new Set([bossSchema, ...storeSchemas]));
          await pool.end();
        },
      };
    },
  },
];

/** `scoped` may not see `emails`; `blind` sees nothing; `operator` may also cancel jobs. */
function allow(user: string, action: Action, resource: Resource): boolean {
  if (user === 'scoped' && resource.type === 'queue' && resource.queue.startsWith('emails')) return false;
  if (user === 'operator' && (action === 'job.cancel' || action === 'job.fail')) return true;
  return user !== 'blind' && action.endsWith('.view');
}

for (const target of TARGETS) {
  describe(`incidents over pg-boss on ${target.name}`, () => {
    let db: Database;
    let boss: PgBoss;
    const stuck: Record<string, string> = {};
    const stuckToFail: Record<string, string> = {};

    before(async () => {
      db = await target.open();
      boss = db.boss;
      boss.on('error', (error) => console.error('pg-boss error in the incidents test', error));
      await boss.start();
      for (const host of HOSTS) await boss.createQueue(`emails-${host}`);
      await boss.createQueue('reports', { expireInSeconds: 60 });
      await boss.createQueue('invoices', { retryLimit: 0 });

      // A running report per host past its expiry: claimed, then started well over its 60 seconds ago.
      for (const host of HOSTS) {
        const report = await boss.send('reports', { month: 11, apiKey: SECRET });
        await boss.fetch('reports');
        await db.query(`UPDATE ${db.bossSchema}.job SET started_on = now() - interval '10 minutes' WHERE id = $1`, [report]);
        stuck[host] = report!;
        const other = await boss.send('reports', { month: 12, apiKey: SECRET }, { retryLimit: 0 });
        await boss.fetch('reports');
        await db.query(`UPDATE ${db.bossSchema}.job SET started_on = now() - interval '10 minutes' WHERE id = $1`, [other]);
        stuckToFail[host] = other!;
      }

      // A flow stuck behind a failed step.
      const flow = await boss.flow([
        { ref: 'render', name: 'invoices', data: { step: 'render', apiKey: SECRET } },
        { ref: 'summary', name: 'invoices', data: { step: 'summary' }, dependsOn: ['render'] },
      ]);
      await boss.fetch('invoices');
      await boss.fail('invoices', flow.render!, new Error(`template missing ${SECRET}`));

      // Ready emails in a queue per host that no process works.
      for (const host of HOSTS) for (let index = 0; index < 2; index++) await boss.send(`emails-${host}`, { index, apiKey: SECRET });

      await boss.work('reports', { pollingIntervalSeconds: 30 }, async () => {});
      await waitUntil(async () => (await boss.getInstances()).some((row) => row.workers.length === 1), "the process's worker in its row", { timeoutMs: 10_000 });
    });
    after(async () => {
      await boss?.stop({ graceful: false }).catch(() => {});
      await db?.close();
    });

    for (const hostName of HOSTS) {
      describe(`incidents on ${hostName}`, () => {
        let host: RunningHost;
        let opsJobs: OpsJobs;
        const opened: IncidentSummary[] = [];
        const repaired: RepairSummary[] = [];
        const storeSchema = uniqueSchema(`ops_incidents_${hostName}`);
        const store = () => db.store(storeSchema);
        before(async () => {
          opsJobs = createOpsJobs({
            engine: fromPgBoss(boss, { schema: db.bossSchema }),
            store: store(),
            auth: headerUserAuth(allow),
            displayPolicy: { display: () => ({ hide: true }) },
            diagnosis: { intervalSeconds: 1 },
            onIncident: (summary) => {
              opened.push(summary);
              if (summary.kind === 'no-workers') throw new Error('the pager is down');
            },
            onRepair: (summary) => {
              repaired.push(summary);
            },
          });
          host = await startHost(hostName, opsJobs as never);
        });
        after(async () => {
          await opsJobs?.close();
          await host?.close();
        });

        const get = (user: string | null, query = '') =>
          fetch(`${host.url}/ops/jobs/api/incidents${query}`, { headers: user ? { 'x-test-user': user } : {} });
        const incidents = async (user: string, query = '') => {
          const response = await get(user, query);
          assert.equal(response.status, 200, await response.clone().text());
          return (await response.json()) as IncidentListResponse;
        };
        const until = async (user: string, check: (list: IncidentListResponse) => boolean, what: string) => {
          let list: IncidentListResponse | undefined;
          await waitUntil(async () => check((list = await incidents(user))), what, { timeoutMs: 15_000, intervalMs: 200 });
          return list!;
        };
        const stuckJobOf = (list: IncidentListResponse) => list.incidents.find((incident) => incident.kind === 'stuck-job' && incident.jobId === stuck[hostName]);

        test('the background pass keeps a stuck job, a stuck flow and an unworked queue as open incidents', async () => {
          const list = await until('viewer', (answer) => answer.incidents.some((incident) => incident.kind === 'no-workers') && stuckJobOf(answer) !== undefined, 'the incidents of the first pass');
          assert.equal(list.kept, true);
          const open = list.incidents.filter((incident) => incident.resolvedAt === null);
          const named = open.map((incident) => `${incident.kind} ${incident.queue} ${incident.jobId ?? ''}`);
          for (const expected of ['stuck-flows invoices ', `no-workers emails-${hostName} `, `stuck-job reports ${stuck[hostName]}`]) {
            assert.ok(named.includes(expected), `${expected} in ${JSON.stringify(named)}`);
          }
          assert.equal(open.find((incident) => incident.kind === 'no-workers' && incident.queue === `emails-${hostName}`)?.count, 2);
          assert.ok(!JSON.stringify(list).includes(SECRET));
        });

        test('the host hears of each incident opened once, with no job data, and a throwing hook leaves a follow-up audit record', async () => {
          await waitUntil(async () => opened.some((summary) => summary.kind === 'no-workers') && opened.some((summary) => summary.jobId === stuck[hostName]), 'onIncident for each incident', { timeoutMs: 10_000 });
          // Passes run on every interval; each incident is escalated once.
          await new Promise((resolve) => setTimeout(resolve, 1500));
          const fingerprints = opened.map((summary) => summary.incidentId);
          assert.equal(new Set(fingerprints).size, fingerprints.length, 'no incident escalated twice');
          assert.ok(!JSON.stringify(opened).includes(SECRET), JSON.stringify(opened));
          const report = opened.find((summary) => summary.jobId === stuck[hostName])!;
          assert.deepEqual(Object.keys(report).sort(), ['count', 'firstSeenAt', 'incidentId', 'jobId', 'kind', 'lastSeenAt', 'queue', 'resolvedAt', 'sentence']);
          assert.match(report.sentence, /reports/);
          const audit = await store().listAudit({ limit: 10, action: 'incident.escalate' });
          assert.equal(audit.records.length, opened.filter((summary) => summary.kind === 'no-workers').length);
          const record = audit.records.find((entry) => entry.resource?.queue === `emails-${hostName}`);
          assert.equal(record!.outcome, 'failed');
          assert.equal(record!.principal.id, 'ops-jobs');
          assert.match(record!.reason, /onIncident .*the pager is down/);
          // The console is fine.
          assert.equal((await get('viewer')).status, 200);
        });

        test('lists only the queues the operator may see, in pages', async () => {
          const scoped = await incidents('scoped');
          assert.ok(scoped.incidents.length > 0);
          assert.ok(scoped.incidents.every((incident) => !incident.queue.startsWith('emails')));
          const first = await incidents('viewer', '?limit=1');
          assert.equal(first.incidents.length, 1);
          assert.ok(first.nextCursor);
          const second = await incidents('viewer', `?limit=1&cursor=${encodeURIComponent(first.nextCursor!)}`);
          assert.notEqual(second.incidents[0]?.id, first.incidents[0]?.id);
          const bad = await get('viewer', '?cursor=not-a-cursor');
          assert.equal(bad.status, 400);
          assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
        });

        test('needs incidents.view', async () => {
          assert.equal((await get(null)).status, 401);
          const refused = await get('blind');
          assert.equal(refused.status, 403);
          assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
        });

        test('a repair whose transaction rolls back leaves the job running and its incident open', async () => {
          await until('viewer', (answer) => stuckJobOf(answer)?.resolvedAt === null, 'the stuck job’s open incident');
          // The same console, but the store fails at the last write of the action's transaction.
          const base = store();
          const failing: OpsStore = {
            ...base,
            transaction: (work) => base.transaction((tx) => work({ ...tx, saveReceipt: async () => { throw new Error('the disk is full'); } })),
          };
          const broken = createOpsJobs({ engine: fromPgBoss(boss, { schema: db.bossSchema }), store: failing, auth: headerUserAuth(allow), displayPolicy: { display: () => ({ hide: true }) }, logger: { error() {}, warn() {} } });
          try {
            const origin = 'http://console.test';
            const operatorRequest = { get: (name: string) => (name === 'x-test-user' ? 'operator' : undefined) };
            const post = (path: string, body: unknown, headers: Record<string, string> = {}) => broken.handle(new Request(`${origin}/ops/jobs/api/actions/${path}`, {
              method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', origin, ...headers },
            }), operatorRequest);
            const previewed = await post('preview', { action: 'job.cancel', target: { queue: 'reports', ids: [stuck[hostName]] } });
            assert.equal(previewed.status, 200, await previewed.clone().text());
            const executed = await post('execute', { token: (await previewed.json()).token, reason: 'Its worker died mid-job' }, { 'idempotency-key': `rollback-${hostName}` });
            assert.equal(executed.status, 500);
          } finally {
            await broken.close();
          }
          assert.equal((await boss.getJobById('reports', stuck[hostName]!))?.state, 'active');
          assert.equal(stuckJobOf(await incidents('viewer'))?.resolvedAt, null);
          assert.equal(repaired.length, 0, 'no repair was announced');
        });

        test('cancelling the stuck job, previewed and executed, resolves its incident with the action, and the host hears of the repair', async () => {
          const headers = { 'x-test-user': 'operator', 'content-type': 'application/json', origin: host.url };
          const previewed = await fetch(`${host.url}/ops/jobs/api/actions/preview`, {
            method: 'POST', headers, body: JSON.stringify({ action: 'job.cancel', target: { queue: 'reports', ids: [stuck[hostName]] } }),
          });
          assert.equal(previewed.status, 200, await previewed.clone().text());
          const preview = await previewed.json();
          const executed = await fetch(`${host.url}/ops/jobs/api/actions/execute`, { method: 'POST', headers, body: JSON.stringify({ token: preview.token, reason: 'Its worker died mid-job' }) });
          assert.equal(executed.status, 200, await executed.clone().text());
          const { auditId } = await executed.json();
          const list = await incidents('viewer');
          const incident = stuckJobOf(list);
          assert.equal(incident?.resolution, 'repaired');
          assert.ok(incident?.resolvedAt);
          await waitUntil(() => repaired.length === 1, 'onRepair');
          assert.equal(repaired[0]!.auditId, auditId);
          assert.equal(repaired[0]!.action, 'job.cancel');
          assert.equal(repaired[0]!.jobId, stuck[hostName]);
          assert.ok(!JSON.stringify(repaired).includes(SECRET));
        });

        test('failing the other stuck job resolves its incident too; the job fails for good, having no retries left', async () => {
          await until('viewer', (answer) => answer.incidents.some((incident) => incident.jobId === stuckToFail[hostName]), 'the incident of the job to fail');
          const headers = { 'x-test-user': 'operator', 'content-type': 'application/json', origin: host.url };
          const previewed = await fetch(`${host.url}/ops/jobs/api/actions/preview`, {
            method: 'POST', headers, body: JSON.stringify({ action: 'job.fail', target: { queue: 'reports', ids: [stuckToFail[hostName]] } }),
          });
          assert.equal(previewed.status, 200, await previewed.clone().text());
          const preview = await previewed.json();
          assert.equal(preview.count, 1);
          assert.ok(preview.warnings.some((warning: string) => /does not stop a handler/.test(warning)), JSON.stringify(preview.warnings));
          const executed = await fetch(`${host.url}/ops/jobs/api/actions/execute`, { method: 'POST', headers, body: JSON.stringify({ token: preview.token, reason: 'Its worker died mid-job' }) });
          assert.equal(executed.status, 200, await executed.clone().text());
          const incident = (await incidents('viewer')).incidents.find((entry) => entry.jobId === stuckToFail[hostName]);
          assert.equal(incident?.resolution, 'repaired');
          assert.equal((await boss.getJobById('reports', stuckToFail[hostName]!))?.state, 'failed');
        });

        test('an incident whose condition is gone resolves at the next pass', async () => {
          const before = await incidents('viewer');
          const noWorkers = before.incidents.find((incident) => incident.kind === 'no-workers' && incident.queue === `emails-${hostName}` && incident.resolvedAt === null);
          assert.ok(noWorkers);
          await boss.work(`emails-${hostName}`, { pollingIntervalSeconds: 30 }, async () => {});
          const after = await until('viewer', (answer) => answer.incidents.find((incident) => incident.id === noWorkers.id)?.resolvedAt != null, 'the incident to resolve');
          assert.equal(after.incidents.find((incident) => incident.id === noWorkers.id)?.resolution, 'cleared');
        });
      });
    }
  });
}
