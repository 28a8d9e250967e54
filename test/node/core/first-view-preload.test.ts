// The shell announces the first view's API answers so the browser fetches them with the bundle;
// they are only claimed when they match, to the byte, what the console's client asks for.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { createOpsJobs, hideKeysMatching, type Action } from '../../../core/index.ts';
import { firstViewChunks, firstViewRequests } from '../../../core/http/first-view-data.ts';
import { ApiClient } from '../../../elements/api/api-client.ts';
import { PAGE_SIZE } from '../../../core/vocabulary/limits.ts';
import { memoryEngine, memoryStore } from '../support/memory-engine.ts';
import { builtConsoleFiles } from '../../../adapters/node-bridge/index.ts';

interface TestActor { name: string; may: readonly Action[] }
const viewer: TestActor = { name: 'vera', may: ['queues.view', 'jobs.view'] };

/** The chunks the built manifest says the first load imports beside its entry. */
function manifestPreload(): string[] {
  return (JSON.parse(readFileSync(new URL('../../../dist/console/manifest.json', import.meta.url), 'utf8')) as { preload: string[] }).preload;
}

function console_() {
  const opsJobs = createOpsJobs<{ actor?: TestActor }>({
    consoleFiles: builtConsoleFiles(),
    engine: memoryEngine(['pay ments', 'emails'], [{ id: 'j/1', queue: 'pay ments', state: 'failed', createdAt: '2026-01-01T00:00:01Z' }]),
    store: memoryStore(),
    auth: {
      currentActor: (hostRequest) => hostRequest.actor ?? null,
      authorize: (actor, action) => (actor as TestActor).may.includes(action),
      auditPrincipal: (actor) => ({ id: (actor as TestActor).name, type: 'user', label: (actor as TestActor).name }),
    },
    displayPolicy: hideKeysMatching(/token/i),
  });
  return (url: string) => opsJobs.handle(new Request(url), { actor: viewer });
}

/** The URLs the console's client fetches, recorded instead of sent. */
function recordingClient(root: URL): { client: ApiClient; urls: string[] } {
  const urls: string[] = [];
  const record = (async (input: URL | RequestInfo) => {
    urls.push(String(input));
    return Response.json({});
  }) as typeof fetch;
  return { client: new ApiClient(root, record), urls };
}

test('each page preloads the session, and the first view data its address determines', () => {
  assert.deepEqual(firstViewRequests('/'), ['api/session', 'api/queues']);
  assert.deepEqual(firstViewRequests('/queues'), ['api/session', 'api/queues']);
  assert.deepEqual(firstViewRequests('/queues/'), ['api/session', 'api/queues']);
  assert.deepEqual(firstViewRequests('/queues/pay%20ments'), ['api/session', 'api/queues/pay%20ments', 'api/queues/pay%20ments/jobs?limit=50']);
  assert.deepEqual(firstViewRequests('/queues/q/', '?state=failed'), ['api/session', 'api/queues/q', 'api/queues/q/jobs?state=failed&limit=50']);
  assert.deepEqual(firstViewRequests('/queues/q', '?state=nonsense'), ['api/session', 'api/queues/q', 'api/queues/q/jobs?limit=50']);
  assert.deepEqual(firstViewRequests('/queues/pay%20ments/jobs/j%2F1'), ['api/session', 'api/queues/pay%20ments/jobs/j%2F1']);
  assert.deepEqual(firstViewRequests('/audit/a%2F1'), ['api/session', 'api/audit/a%2F1']);
  for (const other of ['/audit', '/queues/q/jobs', '/nowhere', '/queues/%E0%A4%A']) {
    assert.deepEqual(firstViewRequests(other), ['api/session'], other);
  }
});

test('the preloaded addresses are exactly those the console client asks for', async () => {
  const root = new URL('http://127.0.0.1/ops/jobs/');
  const { client, urls } = recordingClient(root);
  await client.session();
  await client.queues();
  await client.queue('pay ments');
  await client.jobs('pay ments', { state: 'failed', limit: PAGE_SIZE.default, cursor: null });
  await client.job('pay ments', 'j/1');
  await client.auditRecord('a/1');
  const preloaded = [
    ...firstViewRequests('/'),
    ...firstViewRequests('/queues/pay%20ments', '?state=failed').slice(1),
    ...firstViewRequests('/queues/pay%20ments/jobs/j%2F1').slice(1),
    ...firstViewRequests('/audit/a%2F1').slice(1),
  ].map((path) => new URL(path, root).href);
  assert.deepEqual(urls, preloaded);
});

test('the shell announces them before the script, relative to the page, and each one answers', async () => {
  const get = console_();
  const pages: Record<string, number> = {
    'http://127.0.0.1/ops/jobs/': 2,
    'http://127.0.0.1/ops/jobs/queues/pay%20ments?state=failed': 3,
    'http://127.0.0.1/ops/jobs/queues/pay%20ments/jobs/j%2F1': 2,
  };
  for (const [page, count] of Object.entries(pages)) {
    const html = await (await get(page)).text();
    const links = [...html.matchAll(/<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g)].map((match) => (match[1] ?? '').replaceAll('&#38;', '&'));
    assert.equal(links.length, count, page);
    assert.ok(html.indexOf('rel="preload"') < html.indexOf('<script'), 'data is asked for first');
    assert.doesNotMatch(html, /\/ops\/jobs/, 'no absolute paths baked into the page');
    for (const link of links) {
      const answer = await get(new URL(link, page).href);
      assert.equal(answer.status, 200, `${page} -> ${link}`);
      assert.match(answer.headers.get('content-type') ?? '', /^application\/json/);
    }
  }
});

test('a page that opens on a view loaded on first use preloads its chunk with the entry', async () => {
  assert.deepEqual(firstViewChunks('/audit'), ['audit-log', 'history-views']);
  assert.deepEqual(firstViewChunks('/audit/'), ['audit-log', 'history-views']);
  assert.deepEqual(firstViewChunks('/audit/a1'), ['audit-record', 'history-views', 'copy-button']);
  assert.deepEqual(firstViewChunks('/queues/q/jobs/j1'), ['job-views', 'payload-views', 'history-views', 'chronology', 'copy-button']);
  assert.deepEqual(firstViewChunks('/queues/q/chronology'), ['chronology', 'history-views']);
  assert.deepEqual(firstViewChunks('/queues/q/schedules/nightly/chronology'), ['chronology', 'history-views']);
  assert.deepEqual(firstViewChunks('/queues/q/schedules/~/chronology'), ['chronology', 'history-views']);
  for (const other of ['/', '/queues/q', '/queues/q/jobs', '/queues/q/schedules/k', '/audit/a/b', '/auditors']) assert.deepEqual(firstViewChunks(other), [], other);
  const get = console_();
  const chunksOf = async (page: string) => [...(await (await get(page)).text()).matchAll(/<link rel="modulepreload" href="[^"]*assets\/([^"]+)">/g)].map((match) => match[1]);
  const overview = await chunksOf('http://127.0.0.1/ops/jobs/');
  // The chunks the entry imports, if the bundle has any beyond the entry itself.
  assert.deepEqual(overview, manifestPreload());
  assert.ok(overview.every((name) => !/audit|action-dialog/.test(name ?? '')), 'no lazy chunk on the overview');
  const auditLog = await chunksOf('http://127.0.0.1/ops/jobs/audit?queue=q');
  assert.deepEqual(auditLog.slice(0, overview.length), overview);
  // A view's own chunk first, then the chunks it shares with others (the audit text, the outcome badges).
  assert.match(auditLog.slice(overview.length).join(' '), /^ops-jobs-audit-log-[a-z0-9]+\.js .*ops-jobs-history-views-[a-z0-9]+\.js/);
  const record = await chunksOf('http://127.0.0.1/ops/jobs/audit/a1');
  assert.match(record.slice(overview.length).join(' '), /^ops-jobs-audit-record-[a-z0-9]+\.js .*ops-jobs-history-views-[a-z0-9]+\.js/);
  const job = await chunksOf('http://127.0.0.1/ops/jobs/queues/q/jobs/j1');
  // The job's view first, then the chunks it shares (with the action dialog, the audit record), the values' and the history's.
  assert.match(job.slice(overview.length).join(' '), /^ops-jobs-job-views-[a-z0-9]+\.js .*ops-jobs-payload-views-[a-z0-9]+\.js .*ops-jobs-history-views-[a-z0-9]+\.js/);
  assert.ok(overview.every((name) => !/payload-views|job-views/.test(name ?? '')), "the job's view and its values are not on the overview's first load");
});
