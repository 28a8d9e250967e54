// The elements' pure parts, in Node: routes, formatting, JSON slicing, error and timeline reading.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../elements/api/api-error.ts';
import { errorParts, isLibraryFrame } from '../../elements/job-error/error-parts.ts';
import { timelineSteps } from '../../elements/job-timeline/timeline-steps.ts';
import { tokenizeJsonLine, visibleText } from '../../elements/json-viewer/json-lines.ts';
import { problemCopy } from '../../elements/problem/problem-copy.ts';
import { parseRoute, routes, routeUrl } from '../../elements/router/routes.ts';
import { formatBytes, formatDuration, formatExact, formatRelative, formatRelativeExact, shortId } from '../../elements/shared/format.ts';

describe('routes', () => {
  const root = new URL('https://ops.example.test/prefix/ops/jobs/');

  it('reads every route under the root, decoding path segments', () => {
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/'), root), { name: 'overview' });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs'), root), { name: 'overview' });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/reports%2Fdaily?state=failed'), root), {
      name: 'queue',
      queue: 'reports/daily',
      state: 'failed',
    });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/q?state=bogus'), root), { name: 'queue', queue: 'q', state: null });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/q/jobs/a%20b'), root), { name: 'job', queue: 'q', id: 'a b' });
    assert.equal(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/q/jobs/x/y'), root)?.name, 'not-found');
    // A schedule's key in the path: the empty key is `~`, and a key starting with `~` has one more in front.
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/q/schedules/~/chronology'), root), { name: 'schedule-chronology', queue: 'q', key: '' });
    assert.deepEqual(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/q/schedules/~~x/chronology'), root), { name: 'schedule-chronology', queue: 'q', key: '~x' });
    assert.equal(routeUrl(routes.scheduleChronology('q', ''), root).pathname, '/prefix/ops/jobs/queues/q/schedules/~/chronology');
    assert.equal(parseRoute(new URL('https://ops.example.test/prefix/ops/jobs/queues/%E0%A4%A'), root)?.name, 'not-found');
  });

  it('ignores URLs outside the console', () => {
    assert.equal(parseRoute(new URL('https://ops.example.test/prefix/other'), root), null);
    assert.equal(parseRoute(new URL('https://elsewhere.example.test/prefix/ops/jobs/'), root), null);
    assert.equal(parseRoute(new URL('https://ops.example.test/prefix/ops/jobsX/queues/q'), root), null);
  });

  it('builds URLs that read back as the same route', () => {
    for (const route of [routes.overview(), routes.queue('reports/daily', 'failed'), routes.queue('a b'), routes.job('q/1', 'id/with?odd#chars'),
      routes.scheduleChronology('reports', 'nightly/eu'), routes.scheduleChronology('reports', ''), routes.scheduleChronology('reports', '~x')]) {
      const url = routeUrl(route, root);
      assert.ok(url.pathname.startsWith('/prefix/ops/jobs/'), url.href);
      assert.deepEqual(parseRoute(url, root), route);
    }
  });
});

// The formatters use the runtime's locale, as the browser's would; these expectations are English,
// and `npm test` runs with LC_ALL=C.UTF-8 so that they hold on any machine.
it('runs under an English default locale (npm test sets LC_ALL=C.UTF-8)', () => {
  assert.match(new Intl.NumberFormat().resolvedOptions().locale, /^en/);
});

describe('format', () => {
  it('says how long ago, rounding to the nearest unit', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    assert.equal(formatRelative(new Date(now - 2_000), now), 'now');
    assert.equal(formatRelative(new Date(now - 5 * 60_000), now), '5m ago');
    assert.equal(formatRelative(new Date(now - 3 * 3_600_000), now), '3h ago');
    assert.equal(formatRelative(new Date(now + 14 * 86_400_000 - 60_000), now), 'in 2w');
  });

  it('writes a point in time one way: date, time to the second, and the time zone', () => {
    const zone = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const at = new Date('2026-11-27T09:05:03Z');
    const expected = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((part) => part.type === 'timeZoneName')!.value;
    assert.ok(formatExact(at).endsWith(` ${expected}`), `${formatExact(at)} names the zone ${expected}`);
    assert.match(formatExact(at), /^Nov 27, 2026, \d\d:\d\d:03 [AP]M \S+$/);
  });

  it('pairs a relative time with the exact one it stands for', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    const at = new Date(now - 5 * 60_000);
    assert.equal(formatRelativeExact(at, now), `5m ago (${formatExact(at)})`);
  });

  it('formats durations, sizes and ids for people', () => {
    assert.equal(formatDuration(740), '740 ms');
    assert.equal(formatDuration(6_200), '6.2 sec');
    assert.equal(formatDuration(184_000), '3 min, 4 sec');
    assert.equal(formatDuration(2 * 3_600_000 + 5 * 60_000), '2 hr, 5 min');
    assert.equal(formatBytes(812), '812 byte');
    assert.equal(formatBytes(3_481_920), '3.5 MB');
    assert.equal(shortId('3d75ca44-b54c-4a26-ad75-ca44b54cda26'), '3d75ca44');
    assert.equal(shortId('1042'), '1042');
    assert.equal(shortId('repeat:orders-digest:1765000000000'), 'repeat:orders-digest:17…', "an engine's own long id keeps what tells it apart");
    assert.equal(shortId('repeat:nightly:17'), 'repeat:nightly:17');
  });
});

describe('JSON viewer text', () => {
  it('cuts long text to a budget, counting what it left out', () => {
    const lines = ['{', `  "a": "${'x'.repeat(50)}",`, '  "b": 2', '}'];
    const text = lines.join('\n');
    assert.deepEqual(visibleText(lines, text.length, 10_000), { lines, hiddenChars: 0, hiddenLines: 0 });
    const cut = visibleText(lines, text.length, 30);
    assert.equal(cut.lines.length, 2);
    assert.equal(cut.lines.join('\n').length, 30);
    assert.equal(cut.hiddenChars, text.length - 30);
    assert.equal(cut.hiddenLines, 2);
    const oneHugeLine = visibleText(['y'.repeat(1_000_000)], 1_000_000, 20_000);
    assert.equal(oneHugeLine.lines[0]!.length, 20_000);
  });

  it('tokenizes keys, strings, numbers and literals', () => {
    const kinds = tokenizeJsonLine('  "total": 129.5, "ok": true, "name": "a \\"b\\"", "n": null')
      .filter((token) => token.kind !== 'plain')
      .map((token) => `${token.kind}:${token.text}`);
    assert.deepEqual(kinds, ['key:"total"', 'number:129.5', 'key:"ok"', 'literal:true', 'key:"name"', 'string:"a \\"b\\""', 'key:"n"', 'literal:null']);
  });
});

describe('job errors', () => {
  it('splits the stack header from the frames and keeps extra fields as details', () => {
    const parts = errorParts({ name: 'TypeError', message: 'x is undefined', stack: 'TypeError: x is undefined\n    at f (/app/a.ts:1:1)', code: 'E1' });
    assert.deepEqual(parts, { name: 'TypeError', message: 'x is undefined', frames: ['    at f (/app/a.ts:1:1)'], details: { code: 'E1' } });
    assert.deepEqual(errorParts('boom'), { name: 'Error', message: 'boom', frames: [], details: undefined });
    assert.equal(errorParts(null), null);
    assert.ok(isLibraryFrame('    at x (/app/node_modules/pg-boss/dist/worker.js:1:1)'));
    assert.ok(!isLibraryFrame('    at x (/app/src/job.ts:1:1)'));
  });

  it('words each kind of API error for an operator', () => {
    assert.equal(problemCopy(new ApiError(401, 't', 'Sign in required', ''), 'job').heading, 'You are signed out');
    assert.equal(problemCopy(new ApiError(403, 't', 'Not allowed', 'You may not perform jobs.view.'), 'job').heading, 'You are not allowed to see this');
    assert.equal(problemCopy(new ApiError(404, 't', 'Job not found', ''), 'job').heading, 'No such job');
    const network = problemCopy(new ApiError(0, 'about:blank', 'Network error', 'unreachable'), 'job');
    assert.equal(network.heading, 'Cannot reach the server');
    assert.equal(network.retry, true);
  });
});

describe('job timeline', () => {
  it('lists what happened and how long each step took', () => {
    const steps = timelineSteps({
      state: 'failed',
      timings: {
        createdAt: '2026-11-27T10:00:00.000Z',
        runAfter: '2026-11-27T10:00:00.000Z',
        startedAt: '2026-11-27T10:00:00.740Z',
        finishedAt: '2026-11-27T10:00:06.940Z',
        keepUntil: '2026-12-11T10:00:00.000Z',
      },
    });
    assert.deepEqual(
      steps.map((step) => [step.label, step.note, step.tone]),
      [
        ['Created', null, 'done'],
        ['Started', 'waited 740 ms', 'done'],
        ['Failed', 'ran 6.2 sec', 'failed'],
        ['Kept until', null, 'future'],
      ],
    );
  });

  it('shows a job still waiting for its start time', () => {
    const steps = timelineSteps({
      state: 'scheduled',
      timings: { createdAt: '2026-11-27T10:00:00Z', runAfter: '2026-11-27T11:00:00Z', startedAt: null, finishedAt: null, keepUntil: null },
    });
    assert.deepEqual(steps.map((step) => step.label), ['Created', 'Run after', 'Not started yet']);
  });
});
