// The console wired to a real pg-boss and the real store sharing one database, on PGlite or on
// PostgreSQL, for integration tests of previewed, audited actions. Requests go through
// `opsJobs.handle` as Fetch requests, exactly as an adapter sends them.
import { PGlite } from '@electric-sql/pglite';
import { PgBoss, fromPglite } from 'pg-boss';
import { createOpsJobs, hideKeysMatching, type OpsJobs, type OpsJobsOptions, type OpsStore } from '../../../core/index.ts';
import { fromPgBoss } from '../../../adapters/pg-boss/index.ts';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { connectPostgres, DATABASE_URL, dropSchemas, uniqueSchema } from './database.ts';

export type Database = 'PGlite' | 'PostgreSQL';

/** Operators by name; each may do what its role allows. */
export const OPERATORS = {
  olga: { role: 'operator' },
  omar: { role: 'operator' },
  vera: { role: 'viewer' },
  ada: { role: 'admin' },
} as const;
export type OperatorName = keyof typeof OPERATORS;

export interface ActionStack {
  readonly boss: PgBoss;
  readonly opsJobs: OpsJobs<{ user?: OperatorName }>;
  /** Everything the console logged, to check no secret or token reached it. */
  readonly logs: string[];
  /** Moves the console's clock forward. */
  advance(seconds: number): void;
  /** Plain SQL on the shared database, for checks. */
  query(text: string, values?: unknown[]): Promise<unknown[]>;
  readonly storeSchema: string;
  readonly bossSchema: string;
  request(user: OperatorName | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Sends `count` jobs to `queue` and fails them: returns their ids. */
  failedJobs(queue: string, count: number, data?: object): Promise<string[]>;
  stop(): Promise<void>;
}

export interface ActionStackOptions {
  readonly actions?: OpsJobsOptions['actions'];
  /** Payload fields the display policy marks searchable. */
  readonly searchable?: readonly string[];
  /** Wraps the real store, to inject failures. */
  readonly wrapStore?: (store: OpsStore) => OpsStore;
}

export async function startActionStack(database: Database, options: ActionStackOptions = {}): Promise<ActionStack> {
  const bossSchema = uniqueSchema('pgboss_act');
  const storeSchema = uniqueSchema('ops_act');
  let boss: PgBoss;
  let store: OpsStore;
  let query: (text: string, values?: unknown[]) => Promise<unknown[]>;
  let close: () => Promise<void>;
  if (database === 'PGlite') {
    const pglite = new PGlite();
    boss = new PgBoss({ db: fromPglite(pglite), schema: bossSchema, supervise: false, schedule: false });
    store = createPostgresStore({ pglite, schema: storeSchema });
    query = async (text, values) => (await pglite.query(text, values)).rows;
    close = () => pglite.close();
  } else {
    const pool = await connectPostgres(8);
    boss = new PgBoss({ connectionString: DATABASE_URL, schema: bossSchema, supervise: false, schedule: false });
    store = createPostgresStore({ pool, schema: storeSchema });
    query = async (text, values) => (await pool.query(text, values)).rows;
    close = async () => {
      await dropSchemas((text) => pool.query(text), [bossSchema, storeSchema]);
      await pool.end();
    };
  }
  boss.on('error', (error) => console.error('pg-boss error in action stack', error));
  await boss.start();

  let offset = 0;
  const logs: string[] = [];
  const record = (...parts: unknown[]) => void logs.push(parts.map((part) => (part instanceof Error ? `${part.message}\n${part.stack}` : String(part))).join(' '));
  const opsJobs = createOpsJobs<{ user?: OperatorName }>({
    engine: fromPgBoss(boss, { schema: bossSchema }),
    store: options.wrapStore ? options.wrapStore(store) : store,
    auth: {
      currentActor: (hostRequest) => (hostRequest.user ? { name: hostRequest.user, ...OPERATORS[hostRequest.user] } : null),
      authorize: (actor, action) => {
        const { role } = actor as { role: string };
        if (role === 'admin') return true;
        if (action === 'queues.view' || action === 'jobs.view') return true;
        return role === 'operator' && action.startsWith('job.');
      },
      auditPrincipal: (actor) => ({ id: `user-${(actor as { name: string }).name}`, type: 'user', label: `${(actor as { name: string }).name} (${(actor as { role: string }).role})` }),
    },
    displayPolicy: hideKeysMatching(/pass|secret|token|card|ssn|key/i, { searchable: options.searchable ?? [] }),
    logger: { error: record, warn: record },
    clock: () => new Date(Date.now() + offset * 1000),
    ...(options.actions ? { actions: options.actions } : {}),
  });
  await opsJobs.ready();

  return {
    boss,
    opsJobs,
    logs,
    storeSchema,
    bossSchema,
    advance: (seconds) => void (offset += seconds),
    query,
    request(user, method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        init.headers = { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', ...headers };
      }
      return opsJobs.handle(new Request(`http://console.test/ops/jobs${path}`, init), user ? { user } : {});
    },
    async failedJobs(queue, count, data = {}) {
      await boss.createQueue(queue, { retryLimit: 0 }).catch(() => {});
      for (let index = 0; index < count; index += 1) await boss.send(queue, { index, ...data });
      const fetched = await boss.fetch(queue, { batchSize: count });
      for (const job of fetched) await boss.fail(queue, job.id, { message: `failure of ${job.id}` });
      return fetched.map((job) => job.id);
    },
    async stop() {
      await boss.stop({ graceful: false });
      await close();
    },
  };
}
