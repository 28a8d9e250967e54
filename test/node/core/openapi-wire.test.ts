// The OpenAPI document's schemas and the wire types say the same thing. For each schema, samples
// typed as the wire type with every optional member filled in (the type checker makes them
// complete: a member added to the type must be added here) are validated against the schema,
// strictly: every member the sample has must be in the schema, every member the schema names must
// be in the sample, and the schema requires exactly the members the type does not mark optional.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCHEMAS } from '../../../core/http/openapi-schemas.ts';
import { ALL_ACTIONS, type Action } from '../../../core/vocabulary/actions.ts';
import type { CountFreshness } from '../../../core/vocabulary/count-freshness.ts';
import { ALL_JOB_STATES, type JobState } from '../../../core/vocabulary/job-states.ts';
import type { IncidentListResponse } from '../../../core/vocabulary/incident-wire.ts';
import type {
  AttentionResponse, AuditPageResponse, AuditRecordResponse, AuditSuggestionsResponse, ExecuteRequestBody, ExecuteResponse, JobDetailResponse, JobFlowResponse, JobPageResponse, JobSearchResponse, JobSummaryResponse, WorkerListResponse,
  PreviewRequestBody, PreviewResponse, ProblemResponse, QueueActivityResponse, QueueListResponse, QueueResponse, SchedulePageResponse, ScheduleResponse, SessionResponse, Shown,
} from '../../../core/vocabulary/wire.ts';
import type { ChronologyEntry, ChronologyGap, ChronologyResponse } from '../../../core/vocabulary/chronology.ts';

/** `T` with every optional member required, all the way down; unions stay unions. */
type Complete<T> = T extends readonly (infer Item)[] ? readonly Complete<Item>[] : T extends object ? { readonly [K in keyof T]-?: Complete<T[K]> } : T;

/** The members of `T` it marks optional. */
type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

type Schema = { readonly [keyword: string]: any };

const schemas = SCHEMAS as Readonly<Record<string, Schema>>;

function resolved(schema: Schema): Schema {
  const ref = schema.$ref as string | undefined;
  if (ref === undefined) return schema;
  const target = schemas[ref.replace('#/components/schemas/', '')];
  assert.ok(target, `unresolved ${ref}`);
  return target;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(type: string, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    default: throw new Error(`the check does not know type ${type}`);
  }
}

/** The member names a schema gives properties for, with those of its `allOf` parts and `oneOf` branches. */
function namedMembers(schema: Schema): Set<string> {
  const own = resolved(schema);
  const names = new Set(Object.keys(own.properties ?? {}));
  for (const part of [...(own.allOf ?? []), ...(own.oneOf ?? [])]) for (const name of namedMembers(part)) names.add(name);
  return names;
}

/**
 * What is wrong with `value` as an instance of `schema`, strictly: objects may hold only the
 * members the schema names (unless it says what else it allows) and must hold every one it names.
 */
function problems(schema: Schema, value: unknown, at: string, closed = true): string[] {
  const own = resolved(schema);
  const found: string[] = [];
  if ('const' in own && JSON.stringify(own.const) !== JSON.stringify(value)) found.push(`${at} is not ${JSON.stringify(own.const)}`);
  if (own.enum && !own.enum.includes(value)) found.push(`${at} = ${JSON.stringify(value)} is not one of ${own.enum.join(', ')}`);
  if (own.type !== undefined && ![own.type].flat().some((type: string) => hasType(type, value))) return [...found, `${at} is not of type ${own.type}`];
  if (own.oneOf) {
    const matching = (own.oneOf as Schema[]).filter((branch) => problems(branch, value, at, closed).length === 0);
    if (matching.length !== 1) found.push(`${at} matches ${matching.length} of the oneOf branches, not one`);
  }
  for (const part of own.allOf ?? []) found.push(...problems(part, value, at, false));
  if (own.allOf && closed && isObject(value)) {
    const named = namedMembers(own);
    for (const name of Object.keys(value)) if (!named.has(name)) found.push(`${at}.${name} is not in the schema`);
  }
  if (isObject(value) && (own.properties || own.required)) {
    for (const name of own.required ?? []) if (!(name in value)) found.push(`${at}.${name} is required by the schema but missing`);
    for (const name of Object.keys(own.properties ?? {})) if (!(name in value)) found.push(`${at}.${name} is in the schema but not in the type`);
    for (const [name, member] of Object.entries(value)) {
      const property = own.properties?.[name];
      if (property) found.push(...problems(property, member, `${at}.${name}`));
      else if (isObject(own.additionalProperties)) found.push(...problems(own.additionalProperties, member, `${at}.${name}`));
      else if (own.additionalProperties !== true && closed && !own.allOf) found.push(`${at}.${name} is not in the schema`);
    }
  } else if (isObject(value) && isObject(own.additionalProperties)) {
    for (const [name, member] of Object.entries(value)) found.push(...problems(own.additionalProperties, member, `${at}.${name}`));
  }
  if (isObject(value) && own.propertyNames) for (const name of Object.keys(value)) found.push(...problems(own.propertyNames, name, `${at} key ${name}`));
  if (Array.isArray(value) && own.items) value.forEach((item, index) => found.push(...problems(own.items, item, `${at}[${index}]`)));
  if (Array.isArray(value) && own.minItems !== undefined && value.length < own.minItems) found.push(`${at} has fewer than ${own.minItems} items`);
  if (typeof value === 'number' && own.minimum !== undefined && value < own.minimum) found.push(`${at} is below ${own.minimum}`);
  return found;
}

const checked = new Set<string>();

/** Checks `samples` of a wire type against schema `name`; `optional` lists the type's optional members. */
function agree<T>(name: string, samples: readonly Complete<T>[], optional: Readonly<Record<OptionalKeys<T>, true>>): void {
  test(`the ${name} schema and its wire type agree`, () => {
    const schema = schemas[name];
    assert.ok(schema, `no schema ${name}`);
    for (const [index, sample] of samples.entries()) assert.deepEqual(problems(schema, sample, `${name} sample ${index}`), []);
    if (schema.required) {
      const members = new Set(samples.flatMap((sample) => Object.keys(sample as object)));
      const required = [...members].filter((member) => !(member in optional)).sort();
      assert.deepEqual([...schema.required].sort(), required, `${name} requires what the type does not mark optional`);
    }
  });
  checked.add(name);
}

const at = '2026-11-27T09:00:00.000Z';
const counts = Object.fromEntries(ALL_JOB_STATES.map((state, index) => [state, index])) as Record<JobState, number>;
const freshness: Complete<CountFreshness> = { asOf: at, includes: ['retrying'] };
const stale = Object.fromEntries(ALL_JOB_STATES.map((state) => [state, freshness])) as Record<JobState, Complete<CountFreshness>>;
const queue: Complete<QueueResponse> = {
  name: 'emails', counts, total: 28, stale, deadLetterQueue: 'emails-dlq', deadLetterFor: ['signups'], settings: { policy: 'standard', retryLimit: 3, dead: null, exclusive: false }, paused: true,
};
const summary: Complete<JobSummaryResponse> = {
  id: 'j1', queue: 'emails', state: 'failed', priority: 0, attempts: { made: 3, max: 3 },
  createdAt: at, runAfter: at, startedAt: at, finishedAt: at, errorMessage: 'SMTP timeout', deadLetteredFrom: { queue: 'signups' },
  fields: { 'customer.id': 'cus_42' },
};
const detail: Complete<JobDetailResponse> = {
  ...summary,
  data: { value: { to: 'someone' } },
  output: { hidden: true },
  error: { truncated: true, bytes: 70_000, preview: '{"message":' },
  options: { value: {} },
  timings: { createdAt: at, runAfter: at, startedAt: at, finishedAt: at, keepUntil: at },
  deadLetteredFrom: { queue: 'signups', id: 'j0' },
  progress: { value: 40 },
  logs: { lines: { value: ['connecting'] }, total: 3 },
  family: { parent: { queue: 'orders', id: 'o1' }, children: { pending: 1, processed: 2, failed: 0, sample: [{ queue: 'emails', id: 'j2', outcome: 'pending' }] } },
};
const record = (selection: Complete<NonNullable<AuditRecordResponse['resource']>['selection']>): Complete<AuditRecordResponse> => ({
  id: '1', occurredAt: at, completedAt: at, principal: { id: 'u-1', type: 'user', label: 'Dana' }, action: 'job.retry',
  resource: { queue: 'emails', selection, ids: ['j1'] }, requested: 1, affected: 1, outcome: 'succeeded', reason: 'provider back',
  planHash: 'ab12', correlationId: 'c-1', outcomeNote: 'Outcome unknown: recorded before the engine ran it.',
});
const records: Complete<AuditRecordResponse>[] = [
  record({ ids: ['j1'] }),
  record({ filter: { state: 'failed', data: [{ field: 'customer.id', value: 'cus_42' }] } }),
  {
    ...record({ whole: 'queue', settings: [] }), action: 'queue.configure',
    resource: { queue: 'emails', selection: { whole: 'queue', settings: [{ setting: 'retryLimit', before: 2, after: 5 }, { setting: 'deadLetterQueue', before: null, after: 'emails-dlq' }] }, ids: [] },
  },
  { ...record({ schedule: 'nightly' }), action: 'schedule.run', resource: { queue: 'reports', selection: { schedule: 'nightly' }, ids: [] } },
  { ...record({ ids: [] }), action: 'bridge.view', resource: null, requested: 0, affected: 0, reason: 'Opened bull-board (read-only)', planHash: '' },
];

agree<SessionResponse>('Session', [{
  actor: { label: 'Dana' },
  permissions: Object.fromEntries(ALL_ACTIONS.map((action) => [action, true])) as Record<Action, boolean>,
  reasons: Object.fromEntries(ALL_ACTIONS.map((action) => [action, 'because'])) as Record<Action, string>,
  engine: {
    name: 'pg-boss', states: ALL_JOB_STATES, schedules: true, jobLookup: true, jobLookupByPrefix: true, workers: true, flows: true,
    actions: { 'job.retry': ['failed'], 'job.cancel': ['queued'], 'job.delete': ['failed'], 'job.resume': ['cancelled'], 'job.redrive': ['queued'], 'job.promote': ['scheduled'], 'job.fail': ['active'] },
    queueActions: ['queue.pause', 'queue.resume', 'queue.configure'],
    queueSettings: [{ name: 'retryDelayMax', type: 'integer', min: 0, max: 86_400, unit: 'seconds', nullable: true, requires: 'retryBackoff', pairedWith: 'retryDelay' }],
    scheduleActions: ['schedule.run', 'schedule.remove'],
  },
  dataFields: ['customer.id'],
  limits: { cap: 1000, reasonMinLength: 8 },
  bridge: 'bull-board',
  signOutUrl: '../../account/switch',
}], { dataFields: true });
agree<QueueResponse>('Queue', [queue], { deadLetterFor: true, paused: true });
agree<QueueListResponse>('QueueList', [{ queues: [queue] }], {});
agree<JobSummaryResponse>('JobSummary', [summary], { deadLetteredFrom: true, fields: true });
agree<JobPageResponse>('JobPage', [{ jobs: [summary], nextCursor: 'abc', stoppedEarly: false }], {});
agree<JobDetailResponse>('JobDetail', [detail], { progress: true, logs: true, family: true, fields: true });
agree<Shown>('Shown', [{ value: { to: 'someone' } }, { value: { stack: 'Error\n  at x' }, cut: { bytes: 300_000, stackLines: 9_000 } }, { hidden: true }, { truncated: true, bytes: 70_000, preview: '{"m' }], {});
agree<JobSearchResponse>('JobSearch', [{ jobs: [summary], more: true }], {});
agree<AttentionResponse>('Attention', [{
  checkedAt: at,
  failedAt: at,
  // Every optional field at once: the schema must name each of them.
  findings: [{ kind: 'dead-letters', queue: 'emails-dlq', severity: 'warning', count: 13, more: false, windowSeconds: 300, previous: 3, since: at, from: ['emails'] }],
  unchecked: ['no-workers'],
}, { checkedAt: null, failedAt: null, findings: [], unchecked: [] }], {});
agree<IncidentListResponse>('IncidentList', [{
  kept: true, resolvedWithinHours: 24, nextCursor: 'abc',
  incidents: [
    { id: '1', kind: 'stuck-job', queue: 'emails', jobId: 'j1', count: 1, firstSeenAt: at, lastSeenAt: at, resolvedAt: null, resolution: null },
    { id: '2', kind: 'no-workers', queue: 'emails', jobId: null, count: 4, firstSeenAt: at, lastSeenAt: at, resolvedAt: at, resolution: 'cleared' },
  ],
}, { kept: false, resolvedWithinHours: 24, nextCursor: null, incidents: [] }], {});
agree<JobFlowResponse>('JobFlow', [{ steps: [summary], dependencies: [{ waiting: { queue: 'emails', id: 'j1' }, on: { queue: 'orders', id: 'o1' } }], more: false, hidden: 1 }], {});
agree<QueueActivityResponse>('QueueActivity', [{
  queue: 'emails', window: '24h', from: at, to: at, bucketSeconds: 1800, recorded: true,
  points: [{ at, createdPerMinute: 90, completedPerMinute: 75, failedPerMinute: 3, waitP50: 0.1, waitP95: null, runP50: 1.5, runP95: 2, readyOldestSeconds: 45 }],
}], {});
agree<WorkerListResponse>('WorkerList', [{
  instances: [{
    id: 'i1', name: 'api', host: 'web-1', pid: 42, version: '12.38.0', runtime: 'v24.21.0', heartbeatSeconds: 10, startedAt: at, lastSeenAt: at, stoppedAt: at,
    crashRestarts: 1, status: 'late', otherQueues: 1,
    workers: [{ queue: 'emails', concurrency: 2, active: 1, lastFetchedAt: at, lastFinishedAt: at, lastErrorAt: at }],
  }],
  more: false, asOf: at, thresholds: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 },
}], {});
// Every member filled in, as everywhere here; the server accepts `settings` with queue.configure only.
const settings = { retryLimit: 5, retryBackoff: true, deadLetterQueue: null };
agree<PreviewRequestBody>('PreviewRequest', [
  { action: 'job.retry', target: { queue: 'emails', ids: ['j1'] }, settings },
  { action: 'job.retry', target: { queue: 'emails', filter: { state: 'failed', data: { 'customer.id': 'cus_42' } } }, settings },
  { action: 'queue.configure', target: { queue: 'emails' }, settings },
  { action: 'schedule.run', target: { queue: 'reports', schedule: 'nightly' }, settings },
], { settings: true });
agree<PreviewResponse>('Preview', [
  {
    token: 't', expiresAt: at, action: 'queue.pause', queue: 'emails', count: 1, sample: [summary], warnings: ['careful'], queueJobs: { queued: 12, active: 2 },
    settingChanges: [{ setting: 'retryLimit', before: 2, after: 5 }],
    // Every optional field at once: the schema must name each of them.
    schedule: { key: 'nightly', kind: 'cron', expression: '0 2 * * *', timeZone: 'Europe/Amsterdam', nextRun: null },
  },
], { queueJobs: true, settingChanges: true, schedule: true });
agree<AuditSuggestionsResponse>('AuditSuggestions', [{ field: 'operator', suggestions: [{ value: 'user-1', label: 'Dana' }] }], {});
agree<ExecuteRequestBody>('ExecuteRequest', [{ token: 't', reason: 'provider back' }], {});
agree<ExecuteResponse>('Execute', [{ outcome: 'succeeded', affected: 1, auditId: '1' }], {});
const schedule = (lastJob: Complete<ScheduleResponse['lastJob']>): Complete<ScheduleResponse> => ({
  queue: 'reports', key: 'nightly', kind: 'cron', expression: '0 2 * * *', timeZone: 'Europe/Amsterdam', data: { value: { report: 'revenue' } },
  createdAt: at, updatedAt: at, nextRuns: [at, at], lastJob, missedRunAt: lastJob ? null : at,
});
const schedules = [schedule(null), schedule({ id: 'j1', state: 'failed', createdAt: at }), schedule({ id: 'j2', state: null, createdAt: null })];
agree<ScheduleResponse>('Schedule', schedules, { missedRunAt: true });
agree<SchedulePageResponse>('SchedulePage', [{ schedules, nextCursor: 'abc' }, { schedules: [], nextCursor: null }], {});
agree<AuditRecordResponse>('AuditRecord', records, { outcomeNote: true });
agree<AuditPageResponse>('AuditPage', [{ records, nextCursor: null }], {});
const entries: Complete<ChronologyEntry>[] = [
  { source: 'job', at, point: 'failed', attempt: 3, errorMessage: 'SMTP timeout', future: false },
  { source: 'audit', at, record: records[0]! },
];
const scheduleEntries: Complete<ChronologyEntry>[] = [
  { source: 'schedule', at, point: 'last_job', job: { id: 'j1', state: 'completed' }, future: false },
  { source: 'schedule', at, point: 'last_job', job: { id: 'j2', state: null }, future: false },
];
const gaps: Complete<ChronologyGap>[] = [{ code: 'outcome_unrecorded', detail: 'never recorded', recordId: '1', count: 1, jobId: 'j1' }];
agree<ChronologyEntry>('ChronologyEntry', [...entries, ...scheduleEntries], {});
agree<ChronologyGap>('ChronologyGap', gaps, { recordId: true, count: true, jobId: true });
agree<ChronologyResponse>('Chronology', [
  { subject: { kind: 'job', queue: 'emails', id: 'j1' }, job: summary, entries, audit: 'shown', gaps },
  { subject: { kind: 'queue', queue: 'emails' }, job: null, entries: [], audit: 'hidden', gaps: [] },
  { subject: { kind: 'schedule', queue: 'reports', key: '' }, job: null, entries: scheduleEntries, audit: 'shown', gaps: [] },
], {});
agree<ProblemResponse>('Problem', [{ type: 'urn:ops-jobs:problem:unauthenticated', title: 'Sign in required', status: 401, detail: 'No operator.', signIn: 'login', parameter: 'reason' }], { signIn: true, parameter: true });

test('every schema of a body is checked against its wire type', () => {
  // Parts the checked schemas refer to, and bodies that have no wire type of their own.
  const parts = ['JobState', 'OperatorAction', 'Shown', 'Selection', 'AuditSelection', 'QueueSettingValue', 'QueueSettingChange', 'EditableQueueSetting', 'LiveFallback', 'LiveFallbackReceipt', 'OpenApiDocument'];
  assert.deepEqual(Object.keys(schemas).filter((name) => !checked.has(name) && !parts.includes(name)), []);
});

test('the strict check refuses a member the schema does not name, and one the sample lacks', () => {
  const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } };
  assert.deepEqual(problems(schema, { a: 'x', b: 'y', c: 'z' }, 'v'), ['v.c is not in the schema']);
  assert.deepEqual(problems(schema, { a: 'x' }, 'v'), ['v.b is in the schema but not in the type']);
});
