import assert from 'node:assert/strict';
import type { IncidentObservation } from '../../../../core/contracts/incidents.ts';
import { incidentFingerprint } from '../../../../core/incidents/observations.ts';
import type { IncidentKind } from '../../../../core/vocabulary/incident-kinds.ts';
import type { StoreSuite } from './suite.ts';

const seen = (kind: IncidentKind, queue: string, jobId: string | null = null, count = 1): IncidentObservation =>
  ({ fingerprint: incidentFingerprint(kind, queue, jobId), kind, queue, jobId, count });

const minute = (n: number): string => new Date(Date.UTC(2026, 11, 5, 12, n)).toISOString();

/** Incidents: one open per fingerprint, resolved when no longer seen, paged open first. */
export function incidentTests(suite: StoreSuite): void {
  suite.test('a sweep opens incidents, the next one keeps them open and moves their last seen time', async () => {
    const store = await suite.freshStore('incidents_open');
    const first = await store.recordIncidents({ at: minute(0), observed: [seen('stuck-job', 'emails', 'job-1'), seen('no-workers', 'reports', null, 7)], unsure: [] });
    assert.deepEqual(first.opened.map((incident) => [incident.kind, incident.queue, incident.jobId, incident.count]).sort(),
      [['no-workers', 'reports', null, 7], ['stuck-job', 'emails', 'job-1', 1]]);
    assert.deepEqual(first.resolved, []);
    const second = await store.recordIncidents({ at: minute(1), observed: [seen('stuck-job', 'emails', 'job-1'), seen('no-workers', 'reports', null, 9)], unsure: [] });
    assert.deepEqual(second, { opened: [], resolved: [] });
    const page = await store.listIncidents({ limit: 10, resolvedSince: minute(0) });
    assert.equal(page.incidents.length, 2);
    const reports = page.incidents.find((incident) => incident.queue === 'reports')!;
    assert.equal(reports.firstSeenAt, minute(0));
    assert.equal(reports.lastSeenAt, minute(1));
    assert.equal(reports.count, 9);
    assert.equal(reports.resolvedAt, null);
  });

  suite.test('an incident no longer seen resolves as cleared, unless the sweep was unsure of its kind', async () => {
    const store = await suite.freshStore('incidents_clear');
    await store.recordIncidents({ at: minute(0), observed: [seen('stuck-job', 'emails', 'job-1'), seen('stuck-flows', 'reports', null, 3), seen('no-workers', 'pdf', null, 2)], unsure: [] });
    const next = await store.recordIncidents({ at: minute(1), observed: [], unsure: [{ kind: 'stuck-flows', queue: null }, { kind: 'no-workers', queue: 'pdf' }] });
    assert.deepEqual(next.opened, []);
    assert.deepEqual(next.resolved.map((incident) => [incident.kind, incident.jobId, incident.resolution, incident.resolvedAt]), [['stuck-job', 'job-1', 'cleared', minute(1)]]);
    const open = (await store.listIncidents({ limit: 10, resolvedSince: minute(0) })).incidents.filter((incident) => incident.resolvedAt === null);
    assert.deepEqual(open.map((incident) => incident.kind).sort(), ['no-workers', 'stuck-flows']);
    // Seen again after it resolved: a new incident, with its own first seen time.
    const again = await store.recordIncidents({ at: minute(2), observed: [seen('stuck-job', 'emails', 'job-1')], unsure: [{ kind: 'stuck-flows', queue: null }, { kind: 'no-workers', queue: null }] });
    assert.equal(again.opened.length, 1);
    assert.equal(again.opened[0]!.firstSeenAt, minute(2));
  });

  suite.test('two processes sweeping the same finding at once open one incident', async () => {
    const store = await suite.freshStore('incidents_race');
    const other = suite.storeOn(store.schema);
    const sweep = (at: string) => ({ at, observed: [seen('stuck-job', 'emails', 'job-1'), seen('overdue', 'pdf', null, 4)], unsure: [] });
    const [a, b] = await Promise.all([store.recordIncidents(sweep(minute(0))), other.recordIncidents(sweep(minute(0)))]);
    assert.equal(a.opened.length + b.opened.length, 2);
    const { rows } = await suite.target.query(`SELECT count(*)::int AS n FROM "${store.schema}".incidents`);
    assert.equal(rows[0].n, 2);
  });

  suite.test('pages list open incidents first, newest first, then resolved ones, and continue without repeats', async () => {
    const store = await suite.freshStore('incidents_page');
    for (let n = 0; n < 5; n++) {
      await store.recordIncidents({ at: minute(n), observed: [seen('stuck-job', 'q', `open-${n}`), ...(n < 3 ? [seen('stuck-job', 'q', `gone-${n}`)] : [])], unsure: [{ kind: 'stuck-job', queue: null }] });
    }
    // The gone ones are not seen again: resolved one after another.
    for (let n = 0; n < 3; n++) {
      const keep = [0, 1, 2, 3, 4].map((i) => seen('stuck-job', 'q', `open-${i}`));
      const gone = [0, 1, 2].filter((i) => i > n).map((i) => seen('stuck-job', 'q', `gone-${i}`));
      await store.recordIncidents({ at: minute(10 + n), observed: [...keep, ...gone], unsure: [] });
    }
    const ids: (string | null)[] = [];
    let after;
    do {
      const page = await store.listIncidents({ limit: 3, resolvedSince: minute(0), ...(after ? { after } : {}) });
      ids.push(...page.incidents.map((incident) => incident.jobId));
      after = page.next ?? undefined;
    } while (after);
    assert.deepEqual(ids, ['open-4', 'open-3', 'open-2', 'open-1', 'open-0', 'gone-2', 'gone-1', 'gone-0']);
    const recent = await store.listIncidents({ limit: 10, resolvedSince: minute(11) });
    assert.deepEqual(recent.incidents.map((incident) => incident.jobId).slice(5), ['gone-2', 'gone-1']);
  });

  suite.test('a repair resolves its job’s incident in the action’s transaction, and a rollback keeps it open', async () => {
    const store = await suite.freshStore('incidents_repair');
    await store.recordIncidents({ at: minute(0), observed: [seen('stuck-job', 'emails', 'job-1'), seen('stuck-job', 'emails', 'job-2')], unsure: [] });
    await assert.rejects(store.transaction(async (tx) => {
      const resolved = await tx.resolveJobIncidents!('emails', ['job-1'], minute(1));
      assert.equal(resolved.length, 1);
      throw new Error('the engine failed');
    }), /the engine failed/);
    const stillOpen = (await store.listIncidents({ limit: 10, resolvedSince: minute(0) })).incidents;
    assert.ok(stillOpen.every((incident) => incident.resolvedAt === null));
    const resolved = await store.transaction((tx) => tx.resolveJobIncidents!('emails', ['job-1'], minute(2)));
    assert.deepEqual(resolved.map((incident) => [incident.jobId, incident.resolution, incident.resolvedAt]), [['job-1', 'repaired', minute(2)]]);
    const byId = await store.getIncident(resolved[0]!.id);
    assert.equal(byId?.resolution, 'repaired');
    assert.equal(await store.getIncident('not-an-id'), null);
  });

  suite.test('the listing and the upsert use the incident indexes', async () => {
    const store = await suite.freshStore('incidents_plan');
    const { rows } = await suite.target.query(`EXPLAIN (FORMAT JSON) SELECT id FROM "${store.schema}".incidents
      WHERE ((resolved_at IS NULL), COALESCE(resolved_at, first_seen_at)) >= (false, now())
      ORDER BY (resolved_at IS NULL) DESC, COALESCE(resolved_at, first_seen_at) DESC, id DESC LIMIT 50`);
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    assert.match(plan, /incidents_listing_idx/);
    assert.doesNotMatch(plan, /"Sort"/);
  });
}
