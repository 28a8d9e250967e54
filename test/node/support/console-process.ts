// A host process of the console, for tests of the live feed across processes: its own `pg` pool
// (so its own sessions for LISTEN and advisory locks), its own store and console, over a pg-boss
// the test shares between them. Two of these on one database behave as two host processes. On
// PGlite, two of them are two consoles on one embedded instance, in one process.
import type { PGlite } from '@electric-sql/pglite';
import type { PgBoss } from 'pg-boss';
import { createOpsJobs, type DisplayPolicy, type JobEngine, type OpsJobs } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../../adapters/postgres/index.ts';
import { OPERATORS, type OperatorName } from './action-stack.ts';
import { connectPostgres } from './database.ts';
import { readSse, type SseConnection } from './sse-client.ts';

/** Shows actor labels to admins only, and hides everything else, so redaction per receiver shows. */
export const labelsForAdminsOnly: DisplayPolicy = {
  display(kind, value, context) {
    if (kind === 'actor_label' && OPERATORS[(context.actor as { name: OperatorName }).name]?.role === 'admin') return { show: value };
    return { hide: true };
  },
};

export interface ConsoleProcess {
  readonly opsJobs: OpsJobs<{ user?: OperatorName }>;
  readonly store: PostgresStore;
  /** How many times this process's engine was asked for queue counts. */
  readonly listQueuesCalls: number;
  /** Everything the console logged. */
  readonly logs: string[];
  request(user: OperatorName, method: string, path: string, body?: unknown): Promise<Response>;
  /** Opens a live stream for `user`; resolves once its `ready` event arrived. */
  events(user: OperatorName): Promise<SseConnection>;
  /** Previews and executes `action` on `ids` as `user`; resolves with the audit id. */
  act(user: OperatorName, action: string, queue: string, ids: readonly string[]): Promise<string>;
  /** Closes the console and its pool, as a process that shuts down. */
  stop(): Promise<void>;
}

export interface ConsoleProcessOptions {
  readonly boss: PgBoss;
  readonly bossSchema: string;
  readonly storeSchema: string;
  readonly liveChannel?: PostgresStoreOptions['liveChannel'];
  readonly pollIntervalMs?: number;
  /** The store's database when it is embedded (the same instance as pg-boss's); a new `pg` pool otherwise. */
  readonly pglite?: PGlite;
}

export const REASON = 'Customer asked for it, ticket 4821';

export async function startConsoleProcess(options: ConsoleProcessOptions): Promise<ConsoleProcess> {
  const pool = options.pglite ? undefined : await connectPostgres(4);
  const liveChannel = options.liveChannel ?? { checkIntervalMs: 100 };
  const store = pool
    ? createPostgresStore({ pool, schema: options.storeSchema, liveChannel })
    : createPostgresStore({ pglite: options.pglite!, schema: options.storeSchema, liveChannel });
  const engine = fromPgBoss(options.boss, { schema: options.bossSchema });
  let listQueuesCalls = 0;
  const counted: JobEngine = { ...engine, listQueues: () => { listQueuesCalls += 1; return engine.listQueues(); } };
  const logs: string[] = [];
  const record = (...parts: unknown[]) => void logs.push(parts.map(String).join(' '));
  const opsJobs = createOpsJobs<{ user?: OperatorName }>({
    engine: counted,
    store,
    auth: {
      currentActor: (hostRequest) => (hostRequest.user ? { name: hostRequest.user, ...OPERATORS[hostRequest.user] } : null),
      authorize: (actor, action) => {
        const { role } = actor as { role: string };
        if (role === 'admin' || action === 'queues.view' || action === 'jobs.view') return true;
        return role === 'operator' && action.startsWith('job.');
      },
      auditPrincipal: (actor) => ({ id: `user-${(actor as { name: string }).name}`, type: 'user', label: `${(actor as { name: string }).name} (${(actor as { role: string }).role})` }),
    },
    displayPolicy: labelsForAdminsOnly,
    logger: { error: record, warn: record },
    live: { heartbeatSeconds: 5, pollIntervalMs: options.pollIntervalMs ?? 100 },
  });
  await opsJobs.ready();
  const streams = new Set<SseConnection>();

  const request = (user: OperatorName, method: string, path: string, body?: unknown, signal?: AbortSignal) => {
    const init: RequestInit = { method, ...(signal ? { signal } : {}) };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
    }
    return opsJobs.handle(new Request(`http://console.test/ops/jobs${path}`, init), { user });
  };

  return {
    opsJobs,
    store,
    get listQueuesCalls() {
      return listQueuesCalls;
    },
    logs,
    request,
    async events(user) {
      const controller = new AbortController();
      const response = await request(user, 'GET', '/api/events', undefined, controller.signal);
      if (response.status !== 200) throw new Error(`the live stream answered ${response.status}`);
      const stream = readSse(response, () => controller.abort());
      streams.add(stream);
      await stream.next((frame) => frame.event === 'ready');
      return stream;
    },
    async act(user, action, queue, ids) {
      const preview = await request(user, 'POST', '/api/actions/preview', { action, target: { queue, ids } });
      if (preview.status !== 200) throw new Error(`preview answered ${preview.status}: ${await preview.text()}`);
      const { token } = await preview.json() as { token: string };
      const executed = await request(user, 'POST', '/api/actions/execute', { token, reason: REASON });
      if (executed.status !== 200) throw new Error(`execute answered ${executed.status}: ${await executed.text()}`);
      return (await executed.json() as { auditId: string }).auditId;
    },
    async stop() {
      for (const stream of streams) stream.close();
      await opsJobs.close();
      await pool?.end();
    },
  };
}
