import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPresenter, MAX_VALUE_BYTES } from '../../../core/presenter/presenter.ts';
import type { DisplayPolicy } from '../../../core/index.ts';
import { memoryEngine } from '../support/memory-engine.ts';

function silentLogger() {
  const errors: string[] = [];
  return { errors, logger: { error: (message: string) => void errors.push(message), warn: () => {} } };
}

const engine = memoryEngine(['q'], [{ id: 'j1', queue: 'q', state: 'failed', createdAt: '2026-01-01T00:00:00Z', data: { secret: 'S3CRET' }, error: { message: 'boom S3CRET', stack: 'at x' } }]);
const job = async () => (await engine.getJob('q', 'j1'))!;

test('the presenter hides every value the policy does not explicitly show', async () => {
  const answers: DisplayPolicy['display'][] = [() => undefined, () => null, () => ({ hide: true }), () => ({}) as never, () => 'yes' as never];
  for (const display of answers) {
    const { logger } = silentLogger();
    const detail = createPresenter({ display }, logger).jobDetail(await job(), {});
    assert.deepEqual([detail.data, detail.output, detail.error, detail.options], Array(4).fill({ hidden: true }));
    assert.equal(detail.errorMessage, null);
    assert.doesNotMatch(JSON.stringify(detail), /S3CRET/);
  }
});

test('a policy that throws hides the value and the error goes to the log only', async () => {
  const { logger, errors } = silentLogger();
  const presenter = createPresenter({ display: () => { throw new Error('policy bug S3CRET'); } }, logger);
  const detail = presenter.jobDetail(await job(), {});
  assert.deepEqual(detail.data, { hidden: true });
  assert.doesNotMatch(JSON.stringify(detail), /S3CRET|policy bug/);
  assert.ok(errors.length > 0);
});

test('the presenter passes what the policy shows, per kind', async () => {
  const { logger } = silentLogger();
  const seen: string[] = [];
  const presenter = createPresenter({ display: (kind, value) => { seen.push(kind); return kind === 'job_error' ? { show: { message: 'redacted message' } } : { show: value }; } }, logger);
  const detail = presenter.jobDetail(await job(), {});
  assert.deepEqual(detail.error, { value: { message: 'redacted message' } });
  assert.equal(detail.errorMessage, 'redacted message');
  assert.deepEqual(new Set(seen), new Set(['job_data', 'job_output', 'job_error', 'job_options']));
});

test('values larger than the limit are sent as a preview, never whole', () => {
  const { logger } = silentLogger();
  const presenter = createPresenter({ display: (_kind, value) => ({ show: value }) }, logger);
  const big = { blob: 'x'.repeat(MAX_VALUE_BYTES * 4) };
  const shown = presenter.value('job_data', big, { actor: {} });
  assert.ok('truncated' in shown);
  assert.ok(shown.bytes > MAX_VALUE_BYTES * 4);
  assert.ok(shown.preview.length <= 4096);
  assert.deepEqual(presenter.value('job_data', { small: 1 }, { actor: {} }), { value: { small: 1 } });
});

test('free text is shown inert: control and invisible characters appear as their code points', () => {
  const logger = { error: () => {}, warn: () => {} };
  const presenter = createPresenter({ display: (_kind, value) => ({ show: value }) }, logger);
  const record = {
    id: '1', occurredAt: '2026-12-01T10:00:00.000Z', completedAt: '2026-12-01T10:00:00.000Z',
    principal: { id: 'ada', type: 'user', label: 'Ada\u200B' }, action: 'job.retry' as const,
    resource: { queue: 'q', selection: { ids: ['j1'] }, ids: ['j1'] }, requested: 1, affected: 1, outcome: 'succeeded' as const,
    // Written before such reasons were refused at the edge, or by another writer of the table.
    reason: 'Retry approved \u202Edesrever\u202C by\u0007 ops\nsecond line', planHash: 'f'.repeat(64), correlationId: 'c1',
  };
  const shown = presenter.auditRecord(record, {});
  assert.equal(shown.reason, 'Retry approved <U+202E>desrever<U+202C> by<U+0007> ops\nsecond line');
  assert.equal(shown.principal.label, 'Ada<U+200B>');
  assert.equal(presenter.actorLabel('Bob\u2066', {}), 'Bob<U+2066>');
});

test("a job's progress and log lines are decided on as output, and its flow is passed as it is", async () => {
  const { logger } = silentLogger();
  const withExtras = {
    ...(await job()),
    progress: { step: 2, token: 'S3CRET' },
    logs: { lines: ['charging S3CRET'], total: 7 },
    family: { parent: { queue: 'orders', id: 'o1' }, children: { pending: 1, processed: 0, failed: 0, sample: [{ queue: 'q', id: 'c1', outcome: 'pending' as const }] } },
  };
  const hidingOutput = createPresenter({ display: (kind, value) => (kind === 'job_output' ? { hide: true } : { show: value }) }, logger);
  const hidden = hidingOutput.jobDetail(withExtras, {});
  assert.deepEqual(hidden.progress, { hidden: true });
  assert.deepEqual(hidden.logs, { lines: { hidden: true }, total: 7 });
  assert.deepEqual(hidden.family, withExtras.family);
  assert.doesNotMatch(JSON.stringify([hidden.progress, hidden.logs]), /S3CRET/);
  const showing = createPresenter({ display: (_kind, value) => ({ show: value }) }, logger).jobDetail(withExtras, {});
  assert.deepEqual(showing.logs, { lines: { value: ['charging S3CRET'] }, total: 7 });
  const plain = createPresenter({ display: (_kind, value) => ({ show: value }) }, logger).jobDetail(await job(), {});
  assert.deepEqual(['progress', 'logs', 'family'].filter((key) => key in plain), [], 'an engine without them sends none');
});

test('a pending audit record says its outcome is unknown; a finished one says nothing more', () => {
  const { logger } = silentLogger();
  const presenter = createPresenter({ display: (_kind, value) => ({ show: value }) }, logger);
  const record = {
    id: '1', occurredAt: '2026-01-01T00:00:00Z', completedAt: null, principal: { id: 'u', type: 'user', label: 'U' }, action: 'job.retry' as const,
    resource: { queue: 'q', selection: { ids: ['j1'] }, ids: ['j1'] }, requested: 1, affected: null, outcome: 'pending' as const,
    reason: 'because it failed', planHash: '0'.repeat(64), correlationId: 'c',
  };
  assert.match(presenter.auditRecord(record, {}).outcomeNote ?? '', /^Outcome unknown/);
  assert.equal(presenter.auditRecord({ ...record, outcome: 'succeeded', affected: 1, completedAt: '2026-01-01T00:00:01Z' }, {}).outcomeNote, undefined);
});
