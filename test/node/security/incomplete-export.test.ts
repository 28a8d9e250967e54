// An audit export that fails part way never looks complete: it ends with a line saying it is
// incomplete, on both adapters, compressed or not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type AuditRecord, type OpsStore } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { HOSTS, startHost, type RunningHost } from '../support/http-hosts.ts';
import { startSeededPgBoss, type SeededStack } from '../support/pg-boss-stack.ts';

let stack: SeededStack;
before(async () => {
  stack = await startSeededPgBoss();
});
after(() => stack.stop());

/** The store, with an export that yields two records and then loses its database. */
function failingExport(store: OpsStore): OpsStore {
  return {
    ...store,
    migrate: () => store.migrate(),
    async *exportAudit() {
      const record = { id: 'a1', occurredAt: '2026-12-01T10:00:00.000Z', completedAt: '2026-12-01T10:00:00.000Z', principal: { id: 'ada', type: 'user', label: 'Ada' }, action: 'job.retry', resource: { queue: 'payments', selection: { ids: ['j1'] }, ids: ['j1'] }, requested: 1, affected: 1, outcome: 'succeeded', reason: 'Retrying after the fix', planHash: 'f'.repeat(64), correlationId: 'c1' } as AuditRecord;
      yield record;
      yield { ...record, id: 'a2' };
      throw new Error('connection to the database lost');
    },
  };
}

/** Reads a body to its end or its failure, keeping what arrived. */
async function readAll(response: Response): Promise<{ text: string }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) text += decoder.decode(next.value, { stream: true });
  } catch {
    // What arrived before a cut is what the test looks at.
  }
  return { text };
}

for (const hostName of HOSTS) {
  describe(`an audit export failing part way on ${hostName}`, () => {
    let host: RunningHost;
    before(async () => {
      const opsJobs = createOpsJobs({
        engine: fromPgBoss(stack.boss),
        store: failingExport(createPostgresStore({ pglite: stack.pglite })),
        auth: { currentActor: () => ({ id: 'ada' }), authorize: () => true, auditPrincipal: () => ({ id: 'ada', type: 'user', label: 'Ada' }) },
        displayPolicy: hideKeysMatching(/secret/i),
        logger: { error: () => {}, warn: () => {} },
      });
      host = await startHost(hostName, opsJobs as never);
    });
    after(() => host?.close());

    for (const format of ['csv', 'jsonl'] as const) {
      for (const encoding of ['gzip', 'identity']) test(`${format}, ${encoding}: the records that were read, then a last line saying it is incomplete`, async () => {
        const response = await fetch(`${host.url}/ops/jobs/api/audit/export?format=${format}`, { headers: { 'accept-encoding': encoding } });
        assert.equal(response.status, 200);
        const { text } = await readAll(response);
        const lines = text.trim().split(/\r?\n/);
        assert.equal(lines.length, format === 'csv' ? 4 : 3, text);
        assert.match(lines.at(-1)!, /incomplete/);
        if (format === 'jsonl') assert.equal(JSON.parse(lines.at(-1)!).incomplete, true);
      });
    }
  });
}
