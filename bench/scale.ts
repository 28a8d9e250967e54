// ops-jobs against @pg-boss/dashboard on the same PostgreSQL database of 1,000,000 pg-boss jobs
// (or 10,000,000): every view's latency and database work, the live feed's cost by open consoles,
// and the cold first view in Chromium. Prints the tables and writes them into docs/benchmarks.md.
//   npm run bench:scale                       (1,000,000 jobs)
//   npm run bench:scale -- --jobs=10000000 --reload --listing-index --skip=live,browser
import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Browser } from 'playwright-core';
import pg from 'pg';
import type { ChildServer } from '../test/proxy/support/child-server.ts';
import { coldFirstViewMs, launchChromium } from './support/cold-first-view.ts';
import { watchDatabase, type DatabaseWatch } from './support/database-work.ts';
import { setListingIndex } from './support/listing-index.ts';
import { measureLiveFeed, type FeedWindow } from './support/live-feed-cost.ts';
import { describeMachine } from './support/machine.ts';
import { measureDiagnosis, type DiagnosisCost } from './support/measure-diagnosis.ts';
import { measureViews, type ViewCost, type ViewToMeasure } from './support/measure-views.ts';
import { ensureDatabase, jobsPerQueue, loadScaleData, SCALE_QUEUES } from './support/scale-data.ts';
import { scaleOptions } from './support/scale-options.ts';
import { ensureSchedules } from './support/scale-schedules.ts';
import { resultsBlock, writeResults } from './support/scale-report.ts';
import { startOpsJobsHost, startPgBossDashboard } from './support/scale-servers.ts';
import { MOUNT, PAGE_ROWS, scaleViews, type ScaleView } from './support/scale-views.ts';
import { findViewTargets } from './support/view-requests.ts';

const root = new URL('..', import.meta.url).pathname;
const FEED_STEPS = [0, 1, 50, 200];
const SETTLE_MS = 5_000;
// Rows 4,951-5,000 of the failed jobs, or the last full page of a smaller data set.
const DEEP_PAGE = 100;

const log = (line: string) => console.log(line);
const options = scaleOptions();

// Whatever is running when the run ends or is aborted, stopped in reverse order.
const running: { stop(): Promise<void> }[] = [];
async function stopAll(): Promise<void> {
  for (const item of running.splice(0).reverse()) await item.stop().catch((error: unknown) => console.error('bench: while stopping:', error));
}
async function abort(reason: string): Promise<never> {
  console.error(`bench: ${reason}; stopping everything it started`);
  await Promise.race([stopAll(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  process.exit(1);
}
const deadline = setTimeout(() => void abort(`over its ${options.deadlineMinutes}-minute limit`), options.deadlineMinutes * 60_000);
process.once('SIGINT', () => void abort('interrupted'));

function track<T extends ChildServer | DatabaseWatch>(item: T): T {
  running.push('close' in item ? { stop: () => item.close() } : item);
  return item;
}

function toMeasure(views: readonly ScaleView[], product: 'opsJobs' | 'dashboard'): ViewToMeasure[] {
  return views.flatMap((view) => (view[product] ? [{ name: view.name, requests: view[product] }] : []));
}

async function statementStatsNote(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ shared_preload_libraries: string }>('SHOW shared_preload_libraries');
    const loaded = (rows[0]?.shared_preload_libraries ?? '').includes('pg_stat_statements');
    return loaded
      ? 'pg_stat_statements is loaded, but the counts below come from pg_stat_database, which also holds the rows and buffers of statements it does not track.'
      : 'pg_stat_statements is not loaded on this server (shared_preload_libraries is empty): database work is the bench database\'s pg_stat_database deltas over each batch, less its idle rate, divided by the loads.';
  } finally {
    await client.end();
  }
}

/** This checkout's commit, the commit of main it contains, and whether the measured code has changes. */
function gitCommit(): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--short', 'HEAD');
  let main = '';
  try {
    main = git('rev-parse', '--short', git('merge-base', 'HEAD', 'main'));
  } catch {
    // A checkout without a main branch says only its own commit.
  }
  const dirty = git('status', '--porcelain', '--', 'core', 'adapters', 'elements') !== '';
  return `${commit}${main && main !== commit ? ` (main at ${main})` : ''}${dirty ? ', with uncommitted changes' : ''}`;
}

try {
  const started = performance.now();
  const machine = await describeMachine(options.adminUrl);
  const notes = [await statementStatsNote(options.adminUrl)];
  log(`bench: ${options.jobs.toLocaleString('en-US')} jobs in database ${options.database}; ${machine.cores} cores, PostgreSQL ${machine.postgres}, Node ${machine.node}`);
  log(`bench: ${notes[0]}`);

  const url = await ensureDatabase(options.adminUrl, options.database);
  const loaded = await loadScaleData(url, options.jobs, { reload: options.reload, log });
  if (!loaded.reused) log(`bench: loaded in ${loaded.loadSeconds.toFixed(0)} s`);
  log(`bench: pg-boss's cached counts: ${loaded.cachedCounts.map((row) => JSON.stringify(row)).join('\n  ')}`);
  log(`bench: ${await ensureSchedules(url)} schedules`);
  await setListingIndex(url, options.listingIndex);
  log(`bench: listing index ${options.listingIndex ? 'present' : 'absent'}`);
  const watch = track(await watchDatabase(options.adminUrl, options.database));

  const deepPage = Math.min(DEEP_PAGE, Math.floor(jobsPerQueue(options.jobs).failed / PAGE_ROWS));
  let opsJobs = new Map<string, ViewCost>();
  let dashboard = new Map<string, ViewCost>();
  let feed: FeedWindow[] = [];
  let diagnosis: DiagnosisCost | null = null;
  const firstView: { opsJobs: number[]; dashboard: number[] } = { opsJobs: [], dashboard: [] };
  let browser: Browser | undefined;
  if (options.parts.includes('browser')) {
    browser = await launchChromium();
    const opened = browser;
    running.push({ stop: () => opened.close() });
  }

  const host = track(await startOpsJobsHost(url));
  log(`bench: ops-jobs at ${host.origin}${MOUNT}/`);
  const targets = await findViewTargets(host.origin, SCALE_QUEUES[0], deepPage);
  const views = scaleViews(targets);
  if (options.parts.includes('views')) {
    log('bench: measuring ops-jobs');
    opsJobs = await measureViews(host.origin, toMeasure(views, 'opsJobs'), watch, { warmup: options.warmup, count: options.requests, log });
  }
  if (options.parts.includes('diagnosis')) {
    log('bench: measuring the background diagnosis pass');
    diagnosis = await measureDiagnosis(url, watch, { warmup: 5, count: options.requests, log });
  }
  if (options.parts.includes('live')) {
    log(`bench: live feed, ${options.windowSeconds} s per window`);
    feed = await measureLiveFeed(new URL(`${host.origin}${MOUNT}/api/events`), watch, FEED_STEPS, options.windowSeconds, log);
  }
  if (browser) {
    // The live part has just closed up to 200 streams: let the server finish with them first.
    if (options.parts.includes('live')) await sleep(SETTLE_MS);
    firstView.opsJobs = await coldFirstViewMs(browser, `${host.origin}${MOUNT}/`, options.browserRuns);
  }
  await host.stop();

  const dashboardServer = track(await startPgBossDashboard(url));
  log(`bench: @pg-boss/dashboard at ${dashboardServer.origin}`);
  if (options.parts.includes('views')) {
    log('bench: measuring @pg-boss/dashboard');
    dashboard = await measureViews(dashboardServer.origin, toMeasure(views, 'dashboard'), watch, { warmup: options.warmup, count: options.requests, log });
  }
  if (browser) firstView.dashboard = await coldFirstViewMs(browser, `${dashboardServer.origin}/`, options.browserRuns);
  await stopAll();

  for (const view of views) if (view.note) notes.push(`${view.name}: ${view.note}.`);
  if ([...dashboard.values()].some((cost) => cost.statuses !== '200')) {
    notes.push('A dashboard view that answered other than 200 is shown with its status and left out of the ratio: its job detail checks pg-boss\'s schema version against the one it was built for (31) and fails on this database (46).');
  }
  const block = resultsBlock({
    jobs: options.jobs,
    commit: gitCommit(),
    machine,
    listingIndex: options.listingIndex,
    loadSeconds: loaded.reused ? null : loaded.loadSeconds,
    requests: options.requests,
    views,
    opsJobs,
    dashboard,
    feed,
    diagnosis,
    firstView,
    notes,
  });
  log(`\n${block}\n`);
  if (options.write) {
    await writeResults(`${root}docs/benchmarks.md`, options, block);
    log('bench: results written to docs/benchmarks.md');
  }
  log(`bench: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(error);
  await abort('failed');
} finally {
  clearTimeout(deadline);
  await stopAll();
}
