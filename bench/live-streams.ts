// Live streams against the Express demo on PostgreSQL, with its workload running: 0 (baseline),
// 1, 50 and 200 signed-in streams held open for a fixed window each, then 0 again. Database work
// is read from PostgreSQL's own counters for a database of the bench's own (pg_stat_database:
// transactions and rows read per second); the demo's memory from /proc/<pid>/status (VmRSS) and,
// after a forced garbage collection, its JS heap through the inspector (loopback only).
// The change feed should keep the database work flat from 1 to 200 streams.
//   npm run bench:live-streams    (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test)
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startDemo, type DemoProcess } from '../test/proxy/support/demo-process.ts';
import { openBenchDatabase, ratesBetween, type BenchDatabase, type DatabaseRates } from './support/database-work.ts';
import { connectInspector, inspectorUrl, type Inspector } from './support/inspector.ts';
import { openStreams, type OpenStreams } from './support/open-streams.ts';

const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
// A minute per window, so that each holds one round of pg-boss's and the workload's once-a-minute work.
const WINDOW_SECONDS = Number(process.env.WINDOW_SECONDS ?? 60);
const SETTLE_SECONDS = Number(process.env.SETTLE_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 30);
const STEPS = [0, 1, 50, 200, 0] as const;
// Bounds the whole run, whatever the settings: the bench must never hang a machine.
const DEADLINE_MS = 15 * 60 * 1000;

interface Step {
  readonly streams: number;
  readonly rates: DatabaseRates;
  /** Median VmRSS of the demo during the window, in KiB. */
  readonly rssKiB: number;
  /** VmRSS and JS heap in use right after a full garbage collection at the end of the window, in KiB. */
  readonly settledRssKiB: number;
  readonly settledHeapKiB: number;
  /** Streams that received at least one event (queue counts or a heartbeat) during the window. */
  readonly live: number;
  readonly ended: number;
}

function rssKiB(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function signIn(origin: string, user: string): Promise<string> {
  const response = await fetch(`${origin}/login`, { method: 'POST', body: new URLSearchParams({ user }), redirect: 'manual' });
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ops_demo_sid='));
  if (!cookie) throw new Error(`sign-in as ${user} answered ${response.status} without a session cookie`);
  return cookie.split(';', 1)[0]!;
}

async function measureStep(demo: DemoProcess, inspector: Inspector, database: BenchDatabase, cookies: string[], streams: number): Promise<Step> {
  const open: OpenStreams | null = streams > 0 ? await openStreams(new URL(`${demo.origin}${demo.mount}/api/events`), cookies, streams) : null;
  try {
    await sleep(SETTLE_SECONDS * 1000);
    const before = open?.frames().map((counts) => ({ ...counts })) ?? [];
    const start = await database.read();
    const samples: number[] = [];
    for (let second = 0; second < WINDOW_SECONDS; second += 1) {
      await sleep(1000);
      samples.push(rssKiB(demo.child.pid!));
    }
    const end = await database.read();
    const settledHeapKiB = (await inspector.settledHeapBytes()) / 1024;
    const settledRssKiB = rssKiB(demo.child.pid!);
    const after = open?.frames() ?? [];
    const total = (counts: Readonly<Record<string, number>> | undefined) => Object.values(counts ?? {}).reduce((sum, value) => sum + value, 0);
    const live = after.filter((counts, index) => total(counts) > total(before[index])).length;
    return { streams, rates: ratesBetween(start, end), rssKiB: median(samples), settledRssKiB, settledHeapKiB, live, ended: open?.ended() ?? 0 };
  } finally {
    open?.close();
  }
}

/** The mean of the 0-stream windows before and after the others, so drift in the workload is shared out. */
function baselineOf(steps: readonly Step[]): DatabaseRates {
  const idle = steps.filter((step) => step.streams === 0).map((step) => step.rates);
  const mean = (pick: (rates: DatabaseRates) => number) => idle.reduce((sum, rates) => sum + pick(rates), 0) / idle.length;
  return {
    transactionsPerSecond: mean((rates) => rates.transactionsPerSecond),
    rowsReadPerSecond: mean((rates) => rates.rowsReadPerSecond),
    blocksPerSecond: mean((rates) => rates.blocksPerSecond),
  };
}

function report(steps: readonly Step[], ownDatabase: boolean): void {
  const first = steps[0]!;
  const base = baselineOf(steps);
  const pad = (text: string, width: number) => text.padStart(width);
  const mib = (kib: number) => (kib / 1024).toFixed(1);
  console.log(`\nlive streams against the demo on PostgreSQL, workload running; ${WINDOW_SECONDS} s window per step after ${SETTLE_SECONDS} s to settle`);
  console.log(`database work from pg_stat_database for ${ownDatabase ? 'a database of the bench\'s own' : 'the given database (shared: includes anything else running there)'}:`);
  console.log('transactions (committed + rolled back) and rows read (tup_returned + tup_fetched) per second;');
  console.log(`baseline: the mean of the two 0-stream windows, ${base.transactionsPerSecond.toFixed(1)} tx/s and ${base.rowsReadPerSecond.toFixed(0)} rows/s`);
  console.log(`${pad('streams', 8)} ${pad('tx/s', 7)} ${pad('x base', 7)} ${pad('rows/s', 8)} ${pad('x base', 7)} ${pad('RSS MiB', 8)} ${pad('after GC: RSS', 14)} ${pad('heap MiB', 9)} ${pad('live', 8)}`);
  for (const step of steps) {
    const { rates } = step;
    console.log([
      pad(String(step.streams), 8),
      pad(rates.transactionsPerSecond.toFixed(1), 7),
      pad((rates.transactionsPerSecond / base.transactionsPerSecond).toFixed(2), 7),
      pad(rates.rowsReadPerSecond.toFixed(0), 8),
      pad((rates.rowsReadPerSecond / base.rowsReadPerSecond).toFixed(2), 7),
      pad(mib(step.rssKiB), 8),
      pad(mib(step.settledRssKiB), 14),
      pad(mib(step.settledHeapKiB), 9),
      pad(step.streams === 0 ? '-' : `${step.live}/${step.streams}`, 8),
    ].join(' ') + (step.ended > 0 ? `  (${step.ended} ended early)` : ''));
  }
  const one = steps.find((step) => step.streams === 1)!;
  const most = steps.find((step) => step.streams === 200)!;
  const last = steps.at(-1)!;
  console.log(`feed cost (1 stream minus baseline): ${(one.rates.transactionsPerSecond - base.transactionsPerSecond).toFixed(1)} tx/s`);
  console.log(`200 streams vs 1 stream: ${(most.rates.transactionsPerSecond / one.rates.transactionsPerSecond).toFixed(2)}x tx/s, ${(most.rates.rowsReadPerSecond / one.rates.rowsReadPerSecond).toFixed(2)}x rows/s`);
  const perStream = (at200: number, at0: number) => `${((at200 - at0) / 200).toFixed(1)} KiB`;
  console.log(`memory per open stream (200 streams minus 0, over 200; budget 100 KB): VmRSS after GC ${perStream(most.settledRssKiB, first.settledRssKiB)}, ` +
    `JS heap after GC ${perStream(most.settledHeapKiB, first.settledHeapKiB)}, median VmRSS ${perStream(most.rssKiB, first.rssKiB)}`);
  console.log(`JS heap after GC once the streams closed: ${mib(last.settledHeapKiB)} MiB (${mib(first.settledHeapKiB)} MiB before any opened)`);
}

const timer = setTimeout(() => {
  console.error('bench: over its time limit, stopping');
  process.exit(1);
}, DEADLINE_MS);
timer.unref();

const database = await openBenchDatabase(ADMIN_URL, 'ops_jobs_bench');
let demo: DemoProcess | undefined;
let inspector: Inspector | undefined;
try {
  demo = await startDemo({ DATABASE_URL: database.url, NODE_OPTIONS: '--inspect=127.0.0.1:0' });
  const url = inspectorUrl(demo.output());
  if (!url) throw new Error(`the demo printed no inspector URL:\n${demo.output()}`);
  inspector = await connectInspector(url);
  console.log(`bench: demo on ${database.ownDatabase ? 'database ops_jobs_bench' : ADMIN_URL}, warming up for ${WARMUP_SECONDS} s`);
  await sleep(WARMUP_SECONDS * 1000);
  const cookies = await Promise.all(['viewer', 'operator', 'admin'].map((user) => signIn(demo!.origin, user)));
  const steps: Step[] = [];
  for (const streams of STEPS) {
    steps.push(await measureStep(demo, inspector, database, cookies, streams));
    console.log(`bench: ${streams} streams measured`);
  }
  report(steps, database.ownDatabase);
} finally {
  inspector?.close();
  await demo?.stop();
  await database.close();
}
