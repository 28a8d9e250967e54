// The console over a real BullMQ engine on Redis and the real store on PostgreSQL, as a host would
// assemble it: Redis cannot share the store's transaction, so every action is audited as an intent
// first and its outcome after. Used in-process by tests, and as a child process by the crash test.
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { createOpsJobs, hideKeysMatching, type JobEngine, type OpsJobs, type OpsStore } from '../../../core/index.ts';
import { fromBullMQ, type FromBullMQOptions } from '../../../adapters/bullmq/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { OPERATORS, type OperatorName } from './action-stack.ts';
import { connectPostgres } from './database.ts';
import { connectRedis } from './redis.ts';

export interface BullMQStack {
  readonly opsJobs: OpsJobs<{ user?: OperatorName }>;
  readonly redis: Redis;
  readonly pool: pg.Pool;
  readonly logs: string[];
  /** A Fetch request to the console as `user`, JSON bodies sent same-origin. */
  request(user: OperatorName | null, method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export interface BullMQStackOptions {
  readonly prefix: string;
  readonly storeSchema: string;
  readonly queues?: readonly string[];
  /** More of the engine's options, such as `discoveryIntervalMs`. */
  readonly engineOptions?: Omit<FromBullMQOptions, 'connection' | 'prefix' | 'queues'>;
  /** Wraps the real engine, to stop at a chosen step. */
  readonly wrapEngine?: (engine: JobEngine) => JobEngine;
  /** Wraps the real store, to stop at a chosen step. */
  readonly wrapStore?: (store: OpsStore) => OpsStore;
  /** Most jobs one action may touch (the console's default otherwise). */
  readonly cap?: number;
}

export async function startBullMQStack(options: BullMQStackOptions): Promise<BullMQStack> {
  const redis = await connectRedis();
  const pool = await connectPostgres(4);
  const engine = fromBullMQ({ ...options.engineOptions, connection: redis, prefix: options.prefix, ...(options.queues ? { queues: options.queues } : {}) });
  const store = createPostgresStore({ pool, schema: options.storeSchema });
  const logs: string[] = [];
  const record = (...parts: unknown[]) => void logs.push(parts.map((part) => (part instanceof Error ? `${part.message}\n${part.stack}` : String(part))).join(' '));
  const opsJobs = createOpsJobs<{ user?: OperatorName }>({
    engine: options.wrapEngine ? options.wrapEngine(engine) : engine,
    store: options.wrapStore ? options.wrapStore(store) : store,
    auth: {
      // The in-process requests carry `user`; an Express host's carry the session `startHost` sets from a header.
      currentActor: (hostRequest) => {
        const user = hostRequest.user ?? (hostRequest as { session?: { user?: OperatorName } }).session?.user;
        return user && user in OPERATORS ? { name: user, ...OPERATORS[user] } : null;
      },
      authorize: (actor, action) => {
        const { role } = actor as { role: string };
        if (role === 'admin' || action === 'queues.view' || action === 'jobs.view') return true;
        return role === 'operator' && action.startsWith('job.');
      },
      auditPrincipal: (actor) => ({ id: `user-${(actor as { name: string }).name}`, type: 'user', label: `${(actor as { name: string }).name} (${(actor as { role: string }).role})` }),
    },
    displayPolicy: hideKeysMatching(/pass|secret|token|card|key/i),
    logger: { error: record, warn: record },
    ...(options.cap === undefined ? {} : { actions: { cap: options.cap } }),
  });
  await opsJobs.ready();
  return {
    opsJobs,
    redis,
    pool,
    logs,
    request(user, method, path, body) {
      const init: RequestInit = { method };
      if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' };
      }
      return opsJobs.handle(new Request(`http://console.test/ops/jobs${path}`, init), user ? { user } : {});
    },
    async stop() {
      await opsJobs.close?.();
      redis.disconnect();
      await pool.end();
    },
  };
}
