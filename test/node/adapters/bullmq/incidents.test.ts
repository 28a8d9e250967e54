// Incidents over BullMQ on real Redis, the console's store on PGlite, served by a real Express
// server: a running job whose worker died (its lock gone, and no stalled-job check has taken it
// back yet) becomes a stuck-job incident naming the job; the repair offered for it is fail (never
// cancel: BullMQ has no cancelled state); when BullMQ's worker holds the job again, the incident
// clears at the next pass. The repair itself: test/node/demo/bullmq-lifeline.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { fromBullMQ } from '../../../../adapters/bullmq/index.ts';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import { createOpsJobs, type OpsJobs } from '../../../../core/index.ts';
import type { IncidentListResponse } from '../../../../core/vocabulary/incident-wire.ts';
import type { SessionResponse } from '../../../../core/vocabulary/wire.ts';
import { headerUserAuth, startHost, type RunningHost } from '../../support/http-hosts.ts';
import { uniquePrefix, useRedis } from '../../support/redis.ts';
import { waitUntil } from '../../support/wait.ts';
import { PLANTED_SECRET, seedEveryState, type SeededQueue } from './seed.ts';

describe('incidents over BullMQ', () => {
  const redis = useRedis();
  const prefix = uniquePrefix('incidents');
  redis.prefixes.push(prefix);
  let seeded: SeededQueue;
  let pglite: PGlite;
  let opsJobs: OpsJobs;
  let host: RunningHost;
  const heard: unknown[] = [];

  before(async () => {
    seeded = await seedEveryState(redis.client(), prefix);
    pglite = await PGlite.create();
    opsJobs = createOpsJobs({
      engine: fromBullMQ({ connection: redis.client(), prefix }),
      store: createPostgresStore({ pglite }),
      auth: headerUserAuth((user, action) => action.endsWith('.view') || action.startsWith('job.')),
      displayPolicy: { display: () => ({ hide: true }) },
      diagnosis: { intervalSeconds: 1 },
      onIncident: (summary) => void heard.push(summary),
    });
    host = await startHost('express', opsJobs as never);
  });
  after(async () => {
    await opsJobs?.close();
    await host?.close();
    await pglite?.close();
  });

  const incidents = async (): Promise<IncidentListResponse> => {
    const response = await fetch(`${host.url}/ops/jobs/api/incidents`, { headers: { 'x-test-user': 'ops' } });
    assert.equal(response.status, 200);
    return (await response.json()) as IncidentListResponse;
  };

  test('a running job whose lock is gone becomes a stuck-job incident, which clears once a worker holds it again', async () => {
    const client = redis.client();
    const id = seeded.ids.active[0]!;
    const lock = `${prefix}:payments:${id}:lock`;
    const token = await client.get(lock);
    assert.ok(token, 'the seeded running job is locked by its worker');
    await client.del(lock);
    let list: IncidentListResponse | undefined;
    await waitUntil(async () => (list = await incidents()).incidents.some((incident) => incident.jobId === id && incident.resolvedAt === null), 'the stuck job’s incident', { timeoutMs: 15_000, intervalMs: 200 });
    const stuck = list!.incidents.find((incident) => incident.jobId === id)!;
    assert.equal(stuck.kind, 'stuck-job');
    assert.equal(stuck.queue, 'payments');
    assert.ok(heard.some((summary) => (summary as { jobId: string }).jobId === id));
    assert.ok(!JSON.stringify(heard).includes(PLANTED_SECRET));

    const session = (await (await fetch(`${host.url}/ops/jobs/api/session`, { headers: { 'x-test-user': 'ops' } })).json()) as SessionResponse;
    assert.deepEqual(session.engine.actions['job.fail'], ['active'], 'BullMQ fails a running job');
    assert.ok(!(session.engine.actions['job.cancel'] ?? []).includes('active'), 'and offers no cancel of one');

    await client.set(lock, token, 'PX', 600_000);
    await waitUntil(async () => (await incidents()).incidents.find((incident) => incident.id === stuck.id)?.resolution === 'cleared', 'the incident to clear', { timeoutMs: 15_000, intervalMs: 200 });
  });
});
