// `ops-jobs doctor --url` through Debian's nginx in front of the demo (test/proxy/support): the
// guide's settings pass; a proxy that compresses the stream, cuts it before a heartbeat or
// buffers it is a finding that says how to fix it. nginx missing fails these tests, never skips.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { startDemo } from '../../proxy/support/demo-process.ts';
import { signIn, type Edge } from '../../proxy/support/edge-client.ts';
import { startNginx, type NginxOptions } from '../../proxy/support/nginx.ts';
import { startProxies, type Proxied } from '../../proxy/support/proxied-demo.ts';
import { requireExecutable } from '../../proxy/support/proxy-process.ts';
import { QUIET_DEMO_ENV, SHORT_READ_TIMEOUT_SECONDS } from '../../proxy/support/scenarios.ts';
import { reportOf, root, runCli, type CliRun } from './support/run-cli.ts';

const CONFIG = `${root}test/node/cli/fixtures/host-config.ts`;

type Variant = 'recommended' | 'gzip' | 'short' | 'buffered';

const demo = startDemo(QUIET_DEMO_ENV);
const nginx = demo.then((running) => startProxies(running, () => requireExecutable('nginx', 'nginx'),
  (upstream, options: Omit<NginxOptions, 'upstream'>) => startNginx({ upstream, ...options }), {
    recommended: {
      location: ['proxy_http_version 1.1;', 'proxy_set_header Connection "";', 'proxy_set_header Host $http_host;', 'proxy_buffering off;', 'proxy_read_timeout 1h;', 'gzip off;'],
    },
    gzip: { location: ['gzip on;', 'gzip_types text/event-stream;', 'gzip_min_length 1;'] },
    short: { location: [`proxy_read_timeout ${SHORT_READ_TIMEOUT_SECONDS}s;`] },
    // Buffering on, and the stream's own request to turn it off ignored.
    buffered: { location: ['proxy_buffering on;', 'proxy_ignore_headers X-Accel-Buffering;'] },
  } satisfies Record<Variant, Omit<NginxOptions, 'upstream'>>));
for (const setup of [demo, nginx]) setup.catch(() => {});

after(async () => {
  await (await nginx.catch(() => null))?.stop();
  await (await demo.catch(() => null))?.stop();
});

async function edge(variant: Variant): Promise<Edge> {
  return (await (nginx as Promise<Proxied<Variant>>)).edges[variant];
}

/** The doctor on a clean config in production, against the console through `variant`, signed in as an operator. */
async function doctorThrough(variant: Variant, options: { cookie?: string | null } = {}): Promise<CliRun> {
  const through = await edge(variant);
  const cookie = options.cookie === undefined ? await signIn(through, 'operator') : options.cookie;
  const args = ['doctor', '--json', '--config', CONFIG, '--url', `${through.base}${through.mount}`, '--timeout', '6'];
  if (cookie) args.push('--header', `Cookie: ${cookie}`);
  return runCli(args, { env: { NODE_ENV: 'production' } });
}

function finding(run: CliRun, id: string) {
  const found = reportOf(run).findings.filter((entry) => entry.id === id);
  assert.equal(found.length, 1, `one finding ${id} in ${run.stdout}`);
  return found[0]!;
}

describe('doctor --url through nginx', { timeout: 180_000 }, () => {
  test("the guide's nginx settings: the console answers, the page loads, strangers are refused, a heartbeat arrives; exit 0", async () => {
    const run = await doctorThrough('recommended');
    assert.equal(run.code, 0, run.stdout);
    assert.match(finding(run, 'url.session').detail, /Signed in as Omar Operator \(operator\); may queues\.view, jobs\.view, job\.retry/);
    assert.equal(finding(run, 'url.page').severity, 'ok');
    assert.equal(finding(run, 'url.anonymous').severity, 'ok');
    const stream = finding(run, 'url.stream');
    assert.equal(stream.severity, 'ok');
    assert.match(stream.title, /its first heartbeat arrived \d+\.\d s after its first event/);
    assert.match(stream.detail, /every 2 s/);
  });

  test('nginx compressing text/event-stream: an error naming gzip_types', async () => {
    const run = await doctorThrough('gzip');
    assert.equal(run.code, 2);
    const compressed = finding(run, 'url.stream-compressed');
    assert.equal(compressed.severity, 'error');
    assert.match(compressed.title, /Content-Encoding: gzip/);
    assert.match(compressed.fix ?? '', /gzip_types/);
  });

  test(`a read timeout (${SHORT_READ_TIMEOUT_SECONDS} s) below the heartbeat: the stream is cut before its first heartbeat, and the fix names proxy_read_timeout`, async () => {
    const run = await doctorThrough('short');
    assert.equal(run.code, 2);
    const stream = finding(run, 'url.stream');
    assert.equal(stream.severity, 'error');
    assert.match(stream.title, /closed \d+\.\d s after its first event, before its first heartbeat \(every 2 s\)/);
    assert.match(stream.fix ?? '', /at least 4 s .*proxy_read_timeout/);
  });

  test('nginx buffering the stream: no event arrives, and the fix names proxy buffering', async () => {
    const run = await doctorThrough('buffered');
    assert.equal(run.code, 2);
    const stream = finding(run, 'url.stream');
    assert.equal(stream.severity, 'error');
    assert.match(stream.title, /did not answer within 6 s|No live event arrived|No heartbeat arrived/);
    assert.match(stream.fix ?? '', /proxy_buffering off/);
  });

  test('without a session: signed-out requests are refused, and the doctor asks for --header (exit 1); a stale cookie is an error', async () => {
    const anonymous = await doctorThrough('recommended', { cookie: null });
    assert.equal(anonymous.code, 1, anonymous.stdout);
    assert.equal(finding(anonymous, 'url.anonymous').severity, 'ok');
    assert.equal(finding(anonymous, 'url.session').severity, 'warning');
    assert.match(finding(anonymous, 'url.session').fix ?? '', /--header 'Cookie: /);

    const stale = await doctorThrough('recommended', { cookie: 'ops_demo_sid=s%3Anot-a-session.x' });
    assert.equal(stale.code, 2);
    assert.match(finding(stale, 'url.session').title, /401/);
  });
});
