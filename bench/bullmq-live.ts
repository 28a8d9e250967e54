// Live updates on BullMQ, in Redis commands: an Express host with the console over a BullMQ workload
// that keeps jobs moving, and bull-board beside it as the console's bridge. Windows with 0 (the
// baseline), then 1, 50 and 200 open signed-in live streams of the console, then 200 streams of the
// same console with BullMQ's event streams turned off (polled every 2 s, for comparison), then 1, 50 and 200
// bull-board tabs polling as its UI does (GET /api/queues every 5 s, the tabs' phases spread over
// those 5 s), then 0 again. Redis work is read from the server's own counters (INFO stats:
// total_commands_processed) on a Redis of the bench's own, and reported above the baseline; and,
// since the workload's own work drifts more than the feed's costs, also counted exactly for the
// host's connections alone (MONITOR, by client address).
// The change feed should keep the Redis work flat from 1 to 200 consoles.
//   npm run bench:bullmq-live   (WINDOW_SECONDS, SETTLE_SECONDS, WARMUP_SECONDS, JOBS_PER_SECOND,
//                                BENCH_REDIS_URL to use a running server instead: shared counters)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cpus, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { createOpsJobs, hideKeysMatching, type OpsJobs } from '../core/index.ts';
import { bullBoardBridge } from '../adapters/bull-board/index.ts';
import { fromBullMQ } from '../adapters/bullmq/index.ts';
import { createPostgresStore } from '../adapters/postgres/index.ts';
import { startHost, type RunningHost } from '../test/node/support/http-hosts.ts';
import { deletePrefix } from '../test/node/support/redis.ts';
import { BENCH_QUEUES } from './support/bullmq-workload.ts';
import { liveResultsBlock, writeLiveResults, type LiveWindow } from './support/bullmq-live-report.ts';
import { openStreams, type OpenStreams } from './support/open-streams.ts';
import { startPrivateRedis, type PrivateRedis } from './support/private-redis.ts';
import { openTabs, type OpenTabs } from './support/bull-board-tabs.ts';
import { countHostCommands, type HostCommands } from './support/host-commands.ts';

const WINDOW_SECONDS = Number(process.env.WINDOW_SECONDS ?? 20);
const SETTLE_SECONDS = Number(process.env.SETTLE_SECONDS ?? 4);
const WARMUP_SECONDS = Number(process.env.WARMUP_SECONDS ?? 15);
const JOBS_PER_SECOND = Number(process.env.JOBS_PER_SECOND ?? 10);
/** bull-board's default `pollingInterval`, in seconds, as its UI refetches the queue list. */
const TAB_POLL_SECONDS = 5;
const SIZES = [1, 50, 200] as const;
// Bounds the whole run, whatever the settings: the bench must never hang a machine.
const DEADLINE_MS = 12 * 60 * 1000;
const PREFIX = `ops-bench-live-${process.pid}`;
const COOKIE = 'bench_user=viewer';
const DOCS = new URL('../docs/benchmarks.md', import.meta.url);

type Step = { readonly kind: 'idle' } | { readonly kind: 'consoles' | 'polled' | 'tabs'; readonly count: number };

async function serverCounters(client: Redis): Promise<{ commands: number; at: number; clients: number }> {
  const stats = await client.info('stats');
  const clients = await client.info('clients');
  return {
    commands: Number(/total_commands_processed:(\d+)/.exec(stats)?.[1] ?? Number.NaN),
    at: performance.now(),
    clients: Number(/connected_clients:(\d+)/.exec(clients)?.[1] ?? Number.NaN),
  };
}

function consoleFor(engineClient: Redis, pglite: PGlite, bridge?: Awaited<ReturnType<typeof bullBoardBridge>>): OpsJobs<never> {
  return createOpsJobs({
    // Without the bridge: the same console with BullMQ's event streams turned off, polled every 2 s.
    engine: fromBullMQ({ connection: engineClient, prefix: PREFIX, ...(bridge ? {} : { liveConnections: 0 }) }),
    store: createPostgresStore({ pglite }),
    auth: {
      currentActor: (request) => {
        const cookie = (request as { headers?: { cookie?: string } }).headers?.cookie ?? '';
        const user = /(?:^|;\s*)bench_user=(\w+)/.exec(cookie)?.[1];
        return user ? { user } : null;
      },
      authorize: (_actor, action) => action === 'queues.view' || action === 'jobs.view' || action === 'bridge.view',
      auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
    },
    displayPolicy: hideKeysMatching(/token|secret/i),
    ...(bridge ? { bridge } : {}),
  }) as OpsJobs<never>;
}

async function measure(step: Step, hosts: { readonly events: RunningHost; readonly polled: RunningHost }, counters: Redis, hostCommands: HostCommands): Promise<LiveWindow> {
  let streams: OpenStreams | null = null;
  let tabs: OpenTabs | null = null;
  const host = hosts.events;
  if (step.kind === 'consoles' || step.kind === 'polled') {
    streams = await openStreams(new URL(`${(step.kind === 'polled' ? hosts.polled : host).url}/ops/jobs/api/events`), [COOKIE], step.count);
  }
  if (step.kind === 'tabs') tabs = openTabs(new URL(`${host.url}/ops/jobs/bridge/api/queues?page=1&jobsPerPage=10`), COOKIE, step.count, TAB_POLL_SECONDS * 1000);
  try {
    await sleep(SETTLE_SECONDS * 1000);
    const queuesBefore = streams?.frames().map((frames) => frames.queues ?? 0) ?? [];
    const tabsBefore = tabs?.answered() ?? { ok: 0, failed: 0 };
    const start = await serverCounters(counters);
    hostCommands.reset();
    await sleep(WINDOW_SECONDS * 1000);
    const end = await serverCounters(counters);
    const fromHost = await hostCommands.count();
    const seconds = (end.at - start.at) / 1000;
    const tabsAfter = tabs?.answered() ?? { ok: 0, failed: 0 };
    return {
      kind: step.kind,
      count: step.kind === 'idle' ? 0 : step.count,
      commandsPerSecond: (end.commands - start.commands) / seconds,
      hostCommandsPerSecond: fromHost / seconds,
      clients: end.clients,
      // Streams that received at least one count update during the window.
      answered: streams ? (streams.frames().filter((frames, index) => (frames.queues ?? 0) > (queuesBefore[index] ?? 0)).length) : tabsAfter.ok - tabsBefore.ok,
      failed: streams ? streams.ended() : tabsAfter.failed - tabsBefore.failed,
    };
  } finally {
    streams?.close();
    await tabs?.close();
    // Let the feed notice the last stream close and give back its event connections.
    await sleep(1000);
  }
}

const timer = setTimeout(() => {
  console.error('bench: over its time limit, stopping');
  process.exit(1);
}, DEADLINE_MS);
timer.unref();

let redis: PrivateRedis | undefined;
let workload: ChildProcess | undefined;
let host: RunningHost | undefined;
let opsJobs: OpsJobs<never> | undefined;
let polledHost: RunningHost | undefined;
let polledOpsJobs: OpsJobs<never> | undefined;
let polledPglite: PGlite | undefined;
const clients: Redis[] = [];
const bridgeQueues: Queue[] = [];
let pglite: PGlite | undefined;
let hostCommands: HostCommands | undefined;
try {
  redis = await startPrivateRedis();
  const connect = () => {
    const client = new Redis(redis!.url, { maxRetriesPerRequest: null });
    client.on('error', () => {});
    clients.push(client);
    return client;
  };
  const engineClient = connect();
  const counters = connect();
  hostCommands = await countHostCommands(connect(), counters, engineClient, PREFIX);
  // The workload runs in a process of its own, so that the host's work here does not slow it down.
  workload = spawn(process.execPath, [new URL('./support/bullmq-workload.ts', import.meta.url).pathname, redis.url, PREFIX, String(JOBS_PER_SECOND)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await Promise.race([once(workload.stdout!, 'data'), once(workload, 'exit').then(() => { throw new Error('the workload process ended at start'); })]);
  if (!String(line).includes('ready')) throw new Error(`the workload process said: ${String(line)}`);
  // bull-board reads through queue objects on the host's client, as a host mounts it.
  bridgeQueues.push(...BENCH_QUEUES.map((name) => new Queue(name, { connection: engineClient, prefix: PREFIX })));
  const bridge = await bullBoardBridge({ queues: bridgeQueues.map((queue) => new BullMQAdapter(queue, { readOnlyMode: true })) });
  pglite = await PGlite.create();
  opsJobs = consoleFor(engineClient, pglite, bridge);
  await opsJobs.ready();
  host = await startHost('express', opsJobs);
  polledPglite = await PGlite.create();
  polledOpsJobs = consoleFor(engineClient, polledPglite);
  await polledOpsJobs.ready();
  polledHost = await startHost('express', polledOpsJobs);
  console.log(`bench: Redis ${redis.version} ${redis.own ? 'of the bench\'s own' : `at BENCH_REDIS_URL (shared)`}, ${JOBS_PER_SECOND} jobs/s over ${BENCH_QUEUES.length} queues; warming up for ${WARMUP_SECONDS} s`);
  await sleep(WARMUP_SECONDS * 1000);

  const steps: Step[] = [
    { kind: 'idle' },
    ...SIZES.map((count) => ({ kind: 'consoles', count }) as const),
    { kind: 'polled', count: SIZES.at(-1)! },
    { kind: 'idle' },
    ...SIZES.map((count) => ({ kind: 'tabs', count }) as const),
    { kind: 'idle' },
  ];
  const windows: LiveWindow[] = [];
  for (const step of steps) {
    const window = await measure(step, { events: host, polled: polledHost }, counters, hostCommands!);
    windows.push(window);
    console.log(`bench: ${step.kind === 'idle' ? 'baseline' : `${step.count} ${step.kind}`}: ${window.commandsPerSecond.toFixed(1)} commands/s, ${window.hostCommandsPerSecond.toFixed(1)} from the host's connections`);
  }
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const block = liveResultsBlock({
    windows,
    commit,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Redis ${redis.version}${redis.own ? '' : ' (shared server)'}`,
    jobsPerSecond: JOBS_PER_SECOND,
    queues: BENCH_QUEUES.length,
    windowSeconds: WINDOW_SECONDS,
    tabPollSeconds: TAB_POLL_SECONDS,
  });
  console.log(`\n${block}\n`);
  await writeLiveResults(DOCS, block);
  console.log('bench: results written to docs/benchmarks.md');
} finally {
  hostCommands?.close();
  await host?.close();
  await polledHost?.close();
  await opsJobs?.close?.();
  await polledOpsJobs?.close?.();
  await polledPglite?.close();
  if (workload && workload.exitCode === null) {
    workload.kill('SIGTERM');
    await once(workload, 'exit');
  }
  for (const queue of bridgeQueues) await queue.close();
  if (redis && !redis.own && clients[0]) await deletePrefix(clients[0], PREFIX);
  for (const client of clients) client.disconnect();
  await pglite?.close();
  await redis?.stop();
}
