// The contract as data: closed, small, frozen, and in step with the routes, the engine port and
// the guide that documents it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { ALL_ACTIONS, OPERATOR_ACTIONS, telemetryContract } from '../../../core/index.ts';
import { API_ROUTES } from '../../../core/http/routes.ts';
import { ENGINE_METHOD_CAPABILITIES, UNREPORTED_ENGINE_METHODS } from '../../../core/telemetry/observe-engine.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import type { PgBossLike } from '../../../adapters/pg-boss/index.ts';

type EventSpec = { description: string; tags: Record<string, readonly string[]>; measurements: readonly string[] };
const families = Object.entries(telemetryContract.families) as [string, { channel: string; events: Record<string, EventSpec> }][];
const events = families.flatMap(([family, spec]) => Object.entries(spec.events).map(([event, eventSpec]) => ({ family, event, spec: eventSpec })));

test('the contract is deeply frozen', () => {
  const unfrozen: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    if (!Object.isFrozen(value)) unfrozen.push(path);
    for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk(telemetryContract, 'telemetryContract');
  assert.deepEqual(unfrozen, []);
});

test('families publish on ops-jobs:<family>; tags are small closed sets of short names; measurements are declared', () => {
  for (const [family, spec] of families) assert.equal(spec.channel, `ops-jobs:${family}`);
  for (const { family, event, spec } of events) {
    assert.match(event, /^[a-z_]+$/);
    assert.ok(spec.description.length > 10, `${family}.${event} is described`);
    for (const [key, values] of Object.entries(spec.tags)) {
      assert.match(key, /^[a-z_]+$/, `${family}.${event} tag ${key}`);
      // The route templates are the largest set, one per API route: bounded by the code, never by input.
      const most = key === 'route' ? 32 : 20;
      assert.ok(values.length > 0 && values.length <= most, `${family}.${event}.${key} has at most ${most} values`);
      assert.equal(new Set(values).size, values.length, `${family}.${event}.${key} has no duplicates`);
      // Route templates are as long as the code writes them (the longest, a schedule's chronology, 47 characters); other values are short names.
      const longest = key === 'route' ? 48 : 40;
      for (const value of values) assert.match(value, new RegExp(`^[\\w.{}/*-]{1,${longest}}$`), `${family}.${event}.${key} value ${value}`);
    }
    assert.ok(spec.measurements.includes('count'), `${family}.${event} counts`);
    for (const measurement of spec.measurements) assert.ok(Object.hasOwn(telemetryContract.measurements, measurement));
  }
});

test('operator and auth actions come from the action vocabulary', () => {
  const { operator_action: operator, auth } = telemetryContract.families;
  assert.deepEqual(operator.events.executed.tags.action, OPERATOR_ACTIONS);
  assert.deepEqual(operator.events.denied.tags.action, [...OPERATOR_ACTIONS, 'unknown']);
  assert.deepEqual(auth.events.denied.tags.action, ALL_ACTIONS);
});

test('every API route template is an http route value, so a request never reports its raw path', () => {
  const routes: readonly string[] = telemetryContract.families.http.events.request.tags.route;
  for (const route of API_ROUTES) assert.ok(routes.includes(`/api${route.template.path}`), `/api${route.template.path} is in the contract`);
});

test('every method of the pg-boss engine reports as a capability of the contract', () => {
  const stub = Object.fromEntries(['getDb', 'getQueues', 'getQueue', 'getJobById', 'retry', 'cancel', 'deleteJob', 'resume', 'redrive'].map((name) => [name, () => {}]));
  const engine = fromPgBoss(stub as unknown as PgBossLike);
  const unreported: readonly string[] = UNREPORTED_ENGINE_METHODS;
  const methods = Object.entries(engine).filter(([name, value]) => typeof value === 'function' && !unreported.includes(name)).map(([name]) => name);
  const capabilities: readonly string[] = telemetryContract.families.engine.events.error.tags.capability;
  for (const method of methods) assert.ok(Object.hasOwn(ENGINE_METHOD_CAPABILITIES, method), `${method} has a capability`);
  assert.deepEqual([...Object.values(ENGINE_METHOD_CAPABILITIES)].sort(), [...capabilities].sort());
});

test('the telemetry guide documents every family, channel, tag and value', async () => {
  const guide = await readFile(new URL('../../../docs/guides/telemetry.md', import.meta.url), 'utf8');
  const missing: string[] = [];
  const expect = (name: string, what: string) => { if (!guide.includes(`\`${name}\``)) missing.push(`${what} ${name}`); };
  for (const [family, spec] of families) {
    expect(family, 'family');
    expect(spec.channel, 'channel');
  }
  // Events, by the name a subscriber receives, are checked row by row in docs-table.test.ts.
  for (const { family, event, spec } of events) {
    for (const [key, values] of Object.entries(spec.tags)) {
      expect(key, 'tag');
      for (const value of values) expect(value, `value of ${family}.${event}.${key}`);
    }
  }
  for (const measurement of Object.keys(telemetryContract.measurements)) expect(measurement, 'measurement');
  assert.deepEqual(missing, []);
});
