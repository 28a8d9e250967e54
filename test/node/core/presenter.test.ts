import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPresenter, MAX_VALUE_BYTES, PREVIEW_CHARACTERS } from '../../../core/presenter/presenter.ts';
import { hideKeysMatching } from '../../../core/index.ts';
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
  assert.equal(shown.preview, JSON.stringify(big).slice(0, PREVIEW_CHARACTERS));
  assert.deepEqual(presenter.value('job_data', { small: 1 }, { actor: {} }), { value: { small: 1 } });
  assert.deepEqual(presenter.value('job_data', big, { actor: {} }, { whole: true }), { value: big });
});

test('the size limit counts UTF-8 bytes, not characters', () => {
  const presenter = createPresenter({ display: (_kind, value) => ({ show: value }) }, silentLogger().logger);
  const wide = '€'.repeat(Math.ceil(MAX_VALUE_BYTES / 3) + 10);
  const shown = presenter.value('job_data', wide, { actor: {} });
  assert.ok('truncated' in shown && shown.bytes === Buffer.byteLength(JSON.stringify(wide)));
});

test('the policy decides before a value is previewed: a hidden key near the start never reaches the preview', () => {
  const presenter = createPresenter(hideKeysMatching(/password/), silentLogger().logger);
  const big = { password: 'S3CRET', rows: Array.from({ length: 40_000 }, (_, index) => ({ index, password: 'S3CRET' })) };
  const shown = presenter.value('job_data', big, { actor: {} });
  assert.ok('truncated' in shown);
  assert.doesNotMatch(shown.preview, /S3CRET/);
  assert.match(shown.preview, /^\{"password":"\[redacted\]"/);
  assert.doesNotMatch(JSON.stringify(presenter.value('job_data', big, { actor: {} }, { whole: true })), /S3CRET/);
});

test('an error made large by its stack keeps its name, message and first stack lines, and says how large it is', async () => {
  const presenter = createPresenter(hideKeysMatching(/token/), silentLogger().logger);
  const stack = ['Error: boom', ...Array.from({ length: 10_000 }, (_, index) => `    at frame${index} (/srv/app/src/deep/module-${index}.ts:${index}:7)`)].join('\n');
  const error = { name: 'Error', message: 'boom', stack, details: { token: 'S3CRET', attempt: 3 } };
  const shown = presenter.value('job_error', error, { actor: {} });
  assert.ok('cut' in shown, JSON.stringify(shown).slice(0, 200));
  const cut = shown.value as typeof error;
  assert.equal(cut.name, 'Error');
  assert.equal(cut.message, 'boom');
  assert.deepEqual(cut.details, { token: '[redacted]', attempt: 3 });
  assert.ok(stack.startsWith(cut.stack) && cut.stack.length < stack.length);
  assert.equal(shown.cut.stackLines, 10_001);
  assert.equal(shown.cut.bytes, Buffer.byteLength(JSON.stringify({ ...error, details: { token: '[redacted]', attempt: 3 } })));
  assert.ok(Buffer.byteLength(JSON.stringify(shown)) < MAX_VALUE_BYTES);
  // Large for another reason than its stack: previewed like any value.
  const other = presenter.value('job_error', { message: 'x', stack: 'at y', details: 'z'.repeat(MAX_VALUE_BYTES) }, { actor: {} });
  assert.ok('truncated' in other);
  // Asked for whole, the error comes whole, still through the policy.
  const whole = createPresenter(hideKeysMatching(/token/), silentLogger().logger).jobValue({ ...(await job()), error }, 'error', {});
  assert.deepEqual(whole, { value: { ...error, details: { token: '[redacted]', attempt: 3 } } });
});

test('each part of a job asked for whole goes through the policy for its own kind', async () => {
  const seen: string[] = [];
  const presenter = createPresenter({ display: (kind, value) => { seen.push(kind); return kind === 'job_output' ? { hide: true } : { show: value }; } }, silentLogger().logger);
  const detail = await job();
  assert.deepEqual(presenter.jobValue(detail, 'data', {}), { value: { secret: 'S3CRET' } });
  assert.deepEqual(presenter.jobValue(detail, 'output', {}), { hidden: true });
  assert.deepEqual(presenter.jobValue(detail, 'options', {}), { value: detail.options });
  assert.deepEqual(presenter.jobValue({ ...detail, error: null }, 'error', {}), { value: null });
  assert.deepEqual(seen, ['job_data', 'job_output', 'job_options']);
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
  // What to check follows what the action was about: the jobs, the queue, or the schedule.
  assert.match(presenter.auditRecord(record, {}).outcomeNote ?? '', /check the jobs listed here/);
  const onQueue = { ...record, action: 'queue.pause' as const, resource: { queue: 'q', selection: { whole: 'queue' as const }, ids: [] } };
  assert.match(presenter.auditRecord(onQueue, {}).outcomeNote ?? '', /check whether the queue is paused/);
  const onSchedule = { ...record, action: 'schedule.remove' as const, resource: { queue: 'q', selection: { schedule: 'nightly' }, ids: [] } };
  assert.match(presenter.auditRecord(onSchedule, {}).outcomeNote ?? '', /check the schedules \(is it still there\?\)/);
});

test('a listed job carries only values of the fields asked for, as the policy shows the data', () => {
  const policy: DisplayPolicy = {
    ...hideKeysMatching(/token/i, { searchable: ['customer.id', 'region', 'note'] }),
    searchable: (field, context) => field !== 'region' || context.queue !== 'private',
  };
  const presenter = createPresenter(policy, silentLogger().logger);
  const summary = { id: 'j1', queue: 'q', state: 'failed' as const, priority: 0, attempts: { made: 1, max: 1 }, createdAt: '2026-01-01T00:00:00Z', runAfter: null, startedAt: null, finishedAt: null, errorMessage: null };
  const read = { 'customer.id': 'cus_42', region: 'eu', note: 'line\u202Eevil', 'order.token': 'tok_1' };
  // Fields not asked for never leave, even when the engine read them.
  assert.deepEqual(presenter.jobSummary({ ...summary, fields: read }, {}, ['customer.id', 'region', 'note']).fields, { 'customer.id': 'cus_42', region: 'eu', note: 'line<U+202E>evil' });
  assert.equal(presenter.jobSummary({ ...summary, fields: read }, {}).fields, undefined);
  // A key the policy redacts shows as the policy shows it, never as read.
  const redacted = presenter.jobSummary({ ...summary, fields: read }, {}, ['order.token']).fields;
  assert.ok(!JSON.stringify(redacted ?? {}).includes('tok_1'));
  // A policy that hides the data hides every value.
  const hiding = createPresenter({ display: () => ({ hide: true }), searchableFields: ['customer.id'], searchable: () => true }, silentLogger().logger);
  assert.equal(hiding.jobSummary({ ...summary, fields: read }, {}, ['customer.id']).fields, undefined);
  assert.deepEqual(createPresenter(policy, silentLogger().logger).searchableFields({ actor: {}, queue: 'private' }), ['customer.id', 'note']);
});
