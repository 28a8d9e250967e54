// The bridge on a real OpenTelemetry SDK (test only; nothing of it ships): the console's events
// become counters and histograms named after the contract, with the tags as attributes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Meter } from '@opentelemetry/api';
import {
  AggregationTemporality, DataPointType, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type MetricData,
} from '@opentelemetry/sdk-metrics';
import { createOpsJobs, hideKeysMatching, OptionsError } from '../../../core/index.ts';
import { bridgeTelemetry, type MeterLike, type TelemetryBridge } from '../../../adapters/opentelemetry/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { uniqueSchema, usePostgres } from '../support/database.ts';
import { memoryEngine } from '../support/memory-engine.ts';

// The API's Meter is what hosts pass in; it must fit the shape the bridge asks for.
const fits = (meter: Meter): MeterLike => meter;

// The console on the in-memory engine and the real store on PostgreSQL, quick to start.
const postgres = usePostgres(4);
const schema = uniqueSchema('ops_otel');
postgres.schemas.push(schema);

function console_() {
  const opsJobs = createOpsJobs<{ user?: string }>({
    engine: memoryEngine(['q'], [
      { id: 'j1', queue: 'q', state: 'failed', createdAt: '2026-11-01T00:00:01Z' },
      { id: 'j2', queue: 'q', state: 'failed', createdAt: '2026-11-01T00:00:02Z' },
    ]),
    store: createPostgresStore({ pool: postgres.pool(), schema }),
    auth: {
      currentActor: (host) => (host.user ? { name: host.user } : null),
      authorize: (actor) => (actor as { name: string }).name === 'ann',
      auditPrincipal: (actor) => ({ id: (actor as { name: string }).name, type: 'user', label: 'L' }),
    },
    displayPolicy: hideKeysMatching(/secret/),
    logger: { error: () => {}, warn: () => {} },
  });
  return (user: string | undefined, method: string, path: string, body?: unknown) => opsJobs.handle(
    new Request(`http://console.test/ops/jobs${path}`, body === undefined ? { method } : {
      method, headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, body: JSON.stringify(body),
    }),
    user === undefined ? {} : { user },
  );
}

describe('bridgeTelemetry on an OpenTelemetry MeterProvider', () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  let bridge: TelemetryBridge;
  let request: ReturnType<typeof console_>;

  async function metrics(): Promise<Map<string, MetricData>> {
    await reader.forceFlush();
    const latest = exporter.getMetrics().at(-1);
    return new Map((latest?.scopeMetrics ?? []).flatMap((scope) => scope.metrics).map((metric) => [metric.descriptor.name, metric]));
  }
  const points = (metric: MetricData | undefined) => (metric?.dataPoints ?? []).map((point) => ({ attributes: point.attributes, value: point.value }));

  before(() => {
    bridge = bridgeTelemetry(fits(provider.getMeter('ops-jobs')));
    request = console_();
  });
  after(async () => {
    bridge.close();
    await provider.shutdown();
  });

  test('actions, refusals and requests become counters and histograms with the tags as attributes', async () => {
    const { token } = await (await request('ann', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'q', filter: { state: 'failed' } } })).json();
    assert.equal((await request('ann', 'POST', '/api/actions/execute', { token, reason: 'the provider is back up' })).status, 200);
    assert.equal((await request('bob', 'POST', '/api/actions/preview', { action: 'job.retry', target: { queue: 'q', ids: ['j1'] } })).status, 403);
    assert.equal((await request(undefined, 'GET', '/api/queues')).status, 401);

    const found = await metrics();
    assert.deepEqual(points(found.get('ops_jobs.operator_action.previewed')), [{ attributes: { action: 'job.retry', selection: 'filter' }, value: 1 }]);
    assert.deepEqual(points(found.get('ops_jobs.operator_action.executed')), [{ attributes: { action: 'job.retry', selection: 'filter' }, value: 1 }]);
    assert.deepEqual(points(found.get('ops_jobs.operator_action.executed.jobs')), [{ attributes: { action: 'job.retry', selection: 'filter' }, value: 2 }]);
    assert.deepEqual(points(found.get('ops_jobs.operator_action.denied')), [{ attributes: { action: 'job.retry', phase: 'preview', reason: 'denied' }, value: 1 }]);
    assert.deepEqual(points(found.get('ops_jobs.auth.unauthenticated')), [{ attributes: { reason: 'no_actor' }, value: 1 }]);
    assert.deepEqual(points(found.get('ops_jobs.auth.denied')), [{ attributes: { action: 'job.retry', resource: 'job', phase: 'preview', reason: 'denied' }, value: 1 }]);

    const duration = found.get('ops_jobs.operator_action.executed.duration');
    assert.equal(duration?.descriptor.unit, 'ms');
    assert.equal(duration?.dataPointType, DataPointType.HISTOGRAM);
    const [histogram] = duration?.dataPoints ?? [];
    assert.equal((histogram?.value as { count: number }).count, 1);
    assert.deepEqual(histogram?.attributes, { action: 'job.retry', selection: 'filter' });

    const requests = points(found.get('ops_jobs.http.request')).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    assert.deepEqual(requests, [
      { attributes: { route: '/api/actions/execute', method: 'POST', status_class: '2xx' }, value: 1 },
      { attributes: { route: '/api/actions/preview', method: 'POST', status_class: '2xx' }, value: 1 },
      { attributes: { route: '/api/actions/preview', method: 'POST', status_class: '4xx' }, value: 1 },
      { attributes: { route: '/api/queues', method: 'GET', status_class: '4xx' }, value: 1 },
    ]);
    assert.equal(found.get('ops_jobs.http.request.duration')?.dataPoints.length, 4);
    assert.match(found.get('ops_jobs.operator_action.executed')?.descriptor.description ?? '', /executed and audited/);
    assert.deepEqual(points(found.get('ops_jobs.store.migration')), [{ attributes: { outcome: 'applied', driver: 'pg' }, value: 1 }]);
  });

  test('a closed bridge records nothing more', async () => {
    const second = bridgeTelemetry(provider.getMeter('second'), { families: ['auth'] });
    second.close();
    second.close();
    const before = points((await metrics()).get('ops_jobs.auth.unauthenticated'));
    bridge.close();
    await request(undefined, 'GET', '/api/queues');
    assert.deepEqual(points((await metrics()).get('ops_jobs.auth.unauthenticated')), before);
  });
});

test('bridgeTelemetry names what is wrong with its arguments', () => {
  assert.throws(() => bridgeTelemetry({} as MeterLike), (error: unknown) => error instanceof OptionsError && /option `meter` must be an OpenTelemetry Meter/.test(error.message));
  const meter = new MeterProvider().getMeter('x');
  assert.throws(() => bridgeTelemetry(meter, { families: ['payments' as never] }), /option `families` holds "payments", which is not a telemetry family/);
});

test('only the families asked for are recorded', async () => {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ readers: [reader] });
  const bridge = bridgeTelemetry(provider.getMeter('ops-jobs'), { families: ['auth'] });
  try {
    await console_()(undefined, 'GET', '/api/queues');
    await reader.forceFlush();
    const names = (exporter.getMetrics().at(-1)?.scopeMetrics ?? []).flatMap((scope) => scope.metrics)
      .filter((metric) => metric.dataPoints.length > 0).map((metric) => metric.descriptor.name);
    assert.deepEqual(names, ['ops_jobs.auth.unauthenticated']);
  } finally {
    bridge.close();
    await provider.shutdown();
  }
});
