// Previewed, reasoned, audited actions over real pg-boss and the real store, on PGlite and PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startActionStack, type ActionStack, type Database } from '../support/action-stack.ts';

const REASON = 'Upstream payment provider recovered; retrying the failures';

async function json(response: Response): Promise<any> {
  return response.json();
}

async function stateOf(stack: ActionStack, queue: string, id: string): Promise<string> {
  const job = await json(await stack.request('vera', 'GET', `/api/queues/${queue}/jobs/${id}`));
  return job.state;
}

async function auditCount(stack: ActionStack, outcome?: string): Promise<number> {
  const rows = await stack.query(
    `SELECT count(*)::int AS n FROM ${stack.storeSchema}.audit_events${outcome ? ' WHERE outcome = $1' : ''}`,
    outcome ? [outcome] : [],
  ) as { n: number }[];
  return rows[0]?.n ?? 0;
}

/** The outcomes the audit log holds for a queue, oldest first, with who tried and how many jobs changed. */
async function attemptsOn(stack: ActionStack, queue: string): Promise<string[]> {
  const { records } = await (await stack.request('ada', 'GET', `/api/audit?queue=${queue}`)).json();
  return records.reverse().map((record: { outcome: string; principal: { id: string }; affected: number }) => `${record.outcome} by ${record.principal.id}, ${record.affected} changed`);
}

for (const database of ['PGlite', 'PostgreSQL'] as Database[]) {
  describe(`operator actions on ${database}`, () => {
    let stack: ActionStack;
    before(async () => {
      stack = await startActionStack(database, { actions: { cap: 3, tokenTtlSeconds: 60 } });
    });
    after(() => stack?.stop());

    const preview = (user: 'olga' | 'omar' | 'vera' | 'ada', action: string, target: object) =>
      stack.request(user, 'POST', '/api/actions/preview', { action, target });
    const execute = (user: 'olga' | 'omar' | 'vera' | 'ada', token: string, reason = REASON, headers: Record<string, string> = {}) =>
      stack.request(user, 'POST', '/api/actions/execute', { token, reason }, headers);

    test('preview resolves the plan and changes nothing; execute acts and is audited', async () => {
      const [id] = await stack.failedJobs('payments', 1, { cardToken: 'tok_PLANTED_SECRET' });
      const previewResponse = await preview('olga', 'job.retry', { queue: 'payments', ids: [id] });
      assert.equal(previewResponse.status, 200);
      const planned = await json(previewResponse);
      assert.equal(planned.count, 1);
      assert.equal(planned.sample[0].id, id);
      assert.match(planned.token, /^[A-Za-z0-9_-]{43}$/);
      assert.ok(Date.parse(planned.expiresAt) > Date.now());
      assert.equal(await stateOf(stack, 'payments', id!), 'failed', 'a preview changes nothing');

      const done = await execute('olga', planned.token);
      assert.equal(done.status, 200);
      const result = await json(done);
      assert.deepEqual({ outcome: result.outcome, affected: result.affected }, { outcome: 'succeeded', affected: 1 });
      assert.notEqual(await stateOf(stack, 'payments', id!), 'failed');

      const record = await json(await stack.request('ada', 'GET', `/api/audit/${result.auditId}`));
      assert.equal(record.action, 'job.retry');
      assert.equal(record.reason, REASON);
      assert.equal(record.principal.id, 'user-olga');
      assert.equal(record.principal.label, 'olga (operator)');
      assert.deepEqual(record.resource.ids, [id]);
      assert.equal(record.requested, 1);
      assert.equal(record.affected, 1);
      assert.equal(record.outcome, 'succeeded');
      assert.match(record.planHash, /^[0-9a-f]{64}$/);
      assert.ok(record.correlationId);
      const byJob = await json(await stack.request('ada', 'GET', `/api/audit?job=${id}`));
      assert.deepEqual(byJob.records.map((entry: { id: string }) => entry.id), [result.auditId]);
      assert.ok(!JSON.stringify(record).includes(planned.token), 'the token is never in the audit record');
    });

    test('a missing or short reason is refused and the token stays usable', async () => {
      const [id] = await stack.failedJobs('reasons', 1);
      const { token } = await json(await preview('olga', 'job.retry', { queue: 'reasons', ids: [id] }));
      for (const reason of ['', '   ', 'short']) {
        const response = await execute('olga', token, reason);
        assert.equal(response.status, 400);
        assert.equal((await json(response)).parameter, 'reason');
      }
      assert.equal(await stateOf(stack, 'reasons', id!), 'failed');
      assert.equal((await execute('olga', token)).status, 200);
    });

    test('replay, another operator, expiry and an unknown token are refused, each with its own problem', async () => {
      const ids = await stack.failedJobs('refusals', 3);
      const first = await json(await preview('olga', 'job.retry', { queue: 'refusals', ids: [ids[0]] }));
      assert.equal((await execute('olga', first.token)).status, 200);
      const replay = await execute('olga', first.token);
      assert.equal(replay.status, 409);
      assert.match((await json(replay)).type, /preview-used$/);

      const second = await json(await preview('olga', 'job.retry', { queue: 'refusals', ids: [ids[1]] }));
      const stolen = await execute('omar', second.token);
      assert.equal(stolen.status, 403);
      assert.match((await json(stolen)).type, /preview-other-operator$/);
      assert.equal(await stateOf(stack, 'refusals', ids[1]!), 'failed');

      const third = await json(await preview('olga', 'job.retry', { queue: 'refusals', ids: [ids[2]] }));
      stack.advance(61);
      try {
        const expired = await execute('olga', third.token);
        assert.equal(expired.status, 410);
        assert.match((await json(expired)).type, /preview-expired$/);
      } finally {
        stack.advance(-61);
      }
      assert.equal(await stateOf(stack, 'refusals', ids[2]!), 'failed');

      const unknown = await execute('olga', 'A'.repeat(43));
      assert.equal(unknown.status, 404);
      assert.equal((await execute('olga', 'not-a-token')).status, 400);
      // Each refusal of a real preview is in the audit log, with who tried; nothing was changed.
      assert.deepEqual(await attemptsOn(stack, 'refusals'), [
        'succeeded by user-olga, 1 changed',
        'already_used by user-olga, 0 changed',
        'denied by user-omar, 0 changed',
        'expired by user-olga, 0 changed',
      ]);
    });

    test('refused attempts are recorded at most 20 a minute per operator, so a flood cannot fill the log', async () => {
      const [id] = await stack.failedJobs('flood', 1);
      const { token } = await json(await preview('omar', 'job.retry', { queue: 'flood', ids: [id] }));
      const before = await auditCount(stack, 'denied');
      for (let attempt = 0; attempt < 30; attempt++) assert.equal((await execute('ada', token)).status, 403);
      assert.ok(await auditCount(stack, 'denied') - before <= 20);
      assert.ok(stack.logs.some((line) => /more than 20 refused or failed actions by one operator in a minute/.test(line)));
      assert.equal((await execute('omar', token)).status, 200, 'the owner of the preview is not held back by another operator');
    });

    test('a plan that drifted since the preview is refused and nothing changes', async () => {
      const ids = await stack.failedJobs('drift', 2);
      const before = await auditCount(stack);
      const planned = await json(await preview('olga', 'job.retry', { queue: 'drift', ids }));
      await stack.boss.retry('drift', ids[0]!);
      const response = await execute('olga', planned.token);
      assert.equal(response.status, 409);
      assert.match((await json(response)).type, /plan-drift$/);
      assert.equal(await stateOf(stack, 'drift', ids[1]!), 'failed', 'the other planned job is untouched');
      assert.equal(await auditCount(stack), before + 1);
      assert.deepEqual(await attemptsOn(stack, 'drift'), ['drifted by user-olga, 0 changed']);
    });

    test('many concurrent executes of one token: exactly one acts', async () => {
      const [id] = await stack.failedJobs('race', 1);
      const before = await auditCount(stack);
      const { token } = await json(await preview('olga', 'job.retry', { queue: 'race', ids: [id] }));
      const responses = await Promise.all(Array.from({ length: 8 }, () => execute('olga', token)));
      const statuses = responses.map((response) => response.status).sort();
      assert.deepEqual(statuses, [200, 409, 409, 409, 409, 409, 409, 409]);
      assert.equal(await auditCount(stack), before + 8);
      const attempts = await attemptsOn(stack, 'race');
      assert.equal(attempts.filter((attempt) => attempt.startsWith('succeeded')).length, 1);
      assert.equal(attempts.filter((attempt) => attempt === 'already_used by user-olga, 0 changed').length, 7);
    });

    test('the same Idempotency-Key returns the first result without acting again', async () => {
      const [id] = await stack.failedJobs('idempotent', 1);
      const before = await auditCount(stack);
      const { token } = await json(await preview('olga', 'job.retry', { queue: 'idempotent', ids: [id] }));
      const key = `retry-${id}`;
      const [one, two] = await Promise.all([execute('olga', token, REASON, { 'idempotency-key': key }), execute('olga', token, REASON, { 'idempotency-key': key })]);
      const three = await execute('olga', token, REASON, { 'idempotency-key': key });
      const bodies = await Promise.all([one, two, three].map(json));
      assert.deepEqual([one.status, two.status, three.status], [200, 200, 200]);
      assert.equal(new Set(bodies.map((body) => body.auditId)).size, 1);
      assert.equal(three.headers.get('idempotent-replayed'), 'true');
      assert.equal(await auditCount(stack), before + 1);
    });

    test('the same Idempotency-Key with another request is refused, and that request does not happen', async () => {
      const ids = await stack.failedJobs('reused-key', 2);
      const key = `reused-${ids[0]}`;
      const first = await json(await preview('olga', 'job.retry', { queue: 'reused-key', ids: [ids[0]] }));
      assert.equal((await execute('olga', first.token, REASON, { 'idempotency-key': key })).status, 200);
      const before = await auditCount(stack);
      const second = await json(await preview('olga', 'job.retry', { queue: 'reused-key', ids: [ids[1]] }));
      const otherTarget = await execute('olga', second.token, REASON, { 'idempotency-key': key });
      assert.equal(otherTarget.status, 422);
      assert.match((await json(otherTarget)).type, /idempotency-key-reused$/);
      const otherReason = await execute('olga', first.token, `${REASON}, again`, { 'idempotency-key': key });
      assert.equal(otherReason.status, 422);
      assert.equal(await stateOf(stack, 'reused-key', ids[1]!), 'failed', 'the second action never ran');
      assert.equal(await auditCount(stack), before);
      // Its preview is still good under a new key.
      assert.equal((await execute('olga', second.token, REASON, { 'idempotency-key': `${key}-2` })).status, 200);
    });

    test('bulk by filter is capped at the configured limit and says so', async () => {
      await stack.failedJobs('bulk', 5);
      const planned = await json(await preview('olga', 'job.retry', { queue: 'bulk', filter: { state: 'failed' } }));
      assert.equal(planned.count, 3);
      assert.ok(planned.warnings.some((warning: string) => /5 jobs match.*capped at 3/.test(warning)), planned.warnings.join(' | '));
      const result = await json(await execute('olga', planned.token));
      assert.equal(result.affected, 3);
      const left = await json(await stack.request('vera', 'GET', '/api/queues/bulk/jobs?state=failed'));
      assert.equal(left.jobs.length, 2);
    });

    test('viewers may not preview; operators may not read the audit log; both are refused before anything happens', async () => {
      const [id] = await stack.failedJobs('perms', 1);
      assert.equal((await preview('vera', 'job.retry', { queue: 'perms', ids: [id] })).status, 403);
      assert.equal((await stack.request('olga', 'GET', '/api/audit')).status, 403);
      assert.equal((await stack.request('olga', 'GET', '/api/audit/export')).status, 403);
      assert.equal((await stack.request(null, 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'perms', ids: [id] } })).status, 401);
    });

    test('bad input names the field and changes nothing', async () => {
      const [id] = await stack.failedJobs('bad', 1);
      const cases: [unknown, number, string][] = [
        [{ action: 'job.explode', target: { queue: 'bad', ids: [id] } }, 400, 'action'],
        [{ action: 'job.retry' }, 400, 'target'],
        [{ action: 'job.retry', target: { queue: 'bad', ids: [id], filter: { state: 'failed' } } }, 400, 'target'],
        [{ action: 'job.retry', target: { queue: 'bad', ids: [] } }, 400, 'target.ids'],
        [{ action: 'job.retry', target: { queue: 'bad', ids: ['a', 'b', 'c', 'd'] } }, 400, 'target.ids'],
        [{ action: 'job.retry', target: { queue: 'bad', ids: [42] } }, 400, 'target.ids'],
        [{ action: 'job.retry', target: { queue: 'bad', filter: { state: 'exploded' } } }, 400, 'target.filter'],
        [{ action: 'job.retry', target: { queue: 'bad', filter: { state: 'completed' } } }, 400, 'target'],
        [[1, 2], 400, 'body'],
      ];
      for (const [body, status, parameter] of cases) {
        const response = await stack.request('olga', 'POST', '/api/actions/preview', body);
        assert.equal(response.status, status, JSON.stringify(body));
        assert.equal((await json(response)).parameter, parameter, JSON.stringify(body));
      }
      assert.equal((await preview('olga', 'job.retry', { queue: 'bad', ids: ['00000000-0000-4000-8000-000000000000'] })).status, 404);
      assert.equal((await preview('olga', 'job.retry', { queue: 'no-such-queue', ids: [id] })).status, 404);
      const malformed = await stack.request('olga', 'POST', '/api/actions/preview', '{"action": ');
      assert.equal(malformed.status, 400);
      assert.equal(await stateOf(stack, 'bad', id!), 'failed');
    });

    test('the token never appears in audit records, exports or logs', async () => {
      const [id] = await stack.failedJobs('secrecy', 1);
      const { token } = await json(await preview('olga', 'job.retry', { queue: 'secrecy', ids: [id] }));
      await execute('olga', token);
      await execute('olga', token);
      const exported = [
        await (await stack.request('ada', 'GET', '/api/audit')).text(),
        await (await stack.request('ada', 'GET', '/api/audit/export?format=csv')).text(),
        await (await stack.request('ada', 'GET', '/api/audit/export?format=jsonl')).text(),
        stack.logs.join('\n'),
      ];
      for (const text of exported) assert.ok(!text.includes(token));
      const columns = await stack.query(`SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND column_name LIKE '%token%' AND column_name <> 'token_hash'`, [stack.storeSchema]);
      assert.deepEqual(columns, []);
    });
  });
}
