import type { EngineCapabilities, JobEngine, JobListQuery, JobPage } from '../../core/contracts/engine.ts';
import { isJobState } from '../../core/vocabulary/job-states.ts';
import type { JobDetail, QueueDescription } from '../../core/contracts/jobs.ts';
import type { SqlExecutor } from '../../core/contracts/sql.ts';
import type { DataFilter } from '../../core/vocabulary/data-filter.ts';
import { InvalidInputError, OptionsError } from '../../core/errors.ts';
import { createActionMethods } from './actions.ts';
import { CANONICAL_UUID, fromCursorPosition, toCursorPosition, type JobPosition } from './cursor.ts';
import { toJobDetail, toJobPosition, toJobSummary } from './job-rows.ts';
import type { JobDetailRow, JobSummaryRow } from './job-rows.ts';
import type { FromPgBossOptions, PgBossLike } from './pg-boss-like.ts';
import { countPlanOf, EXACT_COUNT_LIMIT, toQueueCounts, toQueueDescription } from './queue-info.ts';
import type { CachedCountRow, ExactCountRow } from './queue-info.ts';
import { createListingIndexProbe } from './listing-index-probe.ts';
import { LISTING_SCAN_LIMIT, listingIndexStatus, type CatalogQuery } from './listing-index.ts';
import { INTERNAL_QUEUE_PREFIX, isHostQueueName } from './queue-names.ts';
import { validatePgBossSchema } from './schema-name.ts';
import * as sql from './sql.ts';
import { actionStatesOf, PG_BOSS_STATES } from './states.ts';
import { createDescribe } from './describe.ts';
import { createScheduleMethods } from './schedules.ts';
import { pgBossScheduleActions } from './schedule-actions.ts';
import { createJobLookup } from './job-lookup.ts';
import { createInstanceMethods } from './instances.ts';
import { createQueueHealth } from './queue-health.ts';
import { createQueueActivity } from './queue-activity.ts';
import { createFlowMethods } from './flows.ts';
import { createConfigureQueue, PG_BOSS_QUEUE_SETTINGS } from './queue-settings.ts';

export { PG_BOSS_STATES } from './states.ts';

// Queues are read from pg-boss a page at a time; it refuses pages over 100,000.
const QUEUE_PAGE = 1000;

/**
 * A `JobEngine` over the host's own started pg-boss 12 instance, on PostgreSQL through `pg` or
 * embedded on PGlite. It reads through `boss.getDb()`, so it sees exactly what pg-boss sees, and
 * never imports pg-boss. Operator actions run pg-boss's own commands (`retry`, `cancel`,
 * `deleteJob`, `resume`, `redrive`), on the console's transaction (`{ db }`) when it passes one.
 *
 * @param boss the host's `PgBoss`, already started.
 * @param options `schema` when pg-boss runs in a schema other than `pgboss`; `version` for the label.
 */
export function fromPgBoss(boss: PgBossLike, options: FromPgBossOptions = {}): JobEngine {
  assertPgBossLike(boss);
  const schema = validatePgBossSchema(options.schema);
  const configureQueue = createConfigureQueue(boss);
  const capabilities: EngineCapabilities = Object.freeze({
    states: PG_BOSS_STATES,
    actions: actionStatesOf(boss),
    scheduleActions: pgBossScheduleActions(boss),
    ...(configureQueue ? { queueSettings: PG_BOSS_QUEUE_SETTINGS } : {}),
    // Every change goes through a pg-boss command given the console's connection as `{ db }`.
    sharedTransactions: true,
    dataFilters: true,
    // Ids are UUIDs, matched from their first characters (see job-lookup.ts).
    findsIdPrefixes: true,
  });

  async function query<Row>(statement: sql.Statement, db?: SqlExecutor): Promise<Row[]> {
    const { rows } = await (db ?? boss.getDb()).executeSql(statement.text, [...statement.values]);
    return rows as Row[];
  }
  const catalog: CatalogQuery = (text, values) => query({ text, values });
  const listingIndex = createListingIndexProbe(async () => (await listingIndexStatus(catalog, schema)) === 'present');
  const actionContext = { boss, schema, actions: capabilities.actions, query, listingIndexReady: () => listingIndex.ready() };

  /**
   * A page no index serves: the queue walked newest first, until the page is full, the queue ends,
   * or `LISTING_SCAN_LIMIT` jobs were read (then it says it stopped early and continues from there).
   */
  async function listBounded(listing: JobListQuery, position: JobPosition | undefined, data: readonly DataFilter[]): Promise<JobPage> {
    const rows = await query<WalkedRow>(sql.listJobsBounded(schema, {
      queue: listing.queue,
      ...(listing.state ? { state: listing.state } : {}),
      ...(position ? { after: position } : {}),
      data,
      limit: listing.limit + 1,
      scan: LISTING_SCAN_LIMIT,
      ...(listing.fields?.length ? { fields: listing.fields } : {}),
    }));
    const found = rows.filter((row) => row.wanted);
    const edge = rows.find((row) => Number(row.walked) === LISTING_SCAN_LIMIT);
    if (found.length > listing.limit || !edge) return pageOf(found, listing.limit);
    return {
      jobs: found.map(toJobSummary),
      next: toCursorPosition(toJobPosition(edge)),
      ...(found.length < listing.limit ? { stoppedEarly: true } : {}),
    };
  }

  return {
    name: options.version ? `pg-boss ${options.version}` : 'pg-boss',
    capabilities,

    async listQueues() {
      const queues: QueueDescription[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await boss.getQueues(undefined, { limit: QUEUE_PAGE, ...(after === undefined ? {} : { after }) });
        // A pg-boss that ignores paging hands back every queue again; stop rather than loop.
        if (after !== undefined && page.some((queue) => queue.name === after)) break;
        queues.push(...page.filter((queue) => !queue.name.startsWith(INTERNAL_QUEUE_PREFIX)).map(toQueueDescription));
        const last = page.at(-1)?.name;
        if (last === undefined || page.length < QUEUE_PAGE) break;
        after = last;
      }
      return queues;
    },

    async findQueue(name) {
      if (!isHostQueueName(name)) return null;
      const queue = await boss.getQueue(name);
      return queue ? toQueueDescription(queue) : null;
    },

    ...(configureQueue ? { configureQueue } : {}),

    async countJobs(names) {
      const hosted = names.filter(isHostQueueName);
      if (hosted.length === 0) return [];
      // pg-boss's own figures first, from its queue rows; then, in one statement, exact counts of
      // the groups small enough to be worth it. At scale the second read is usually not needed.
      const cached = await query<CachedCountRow>(sql.cachedCounts(schema, hosted));
      const plans = cached.map(countPlanOf);
      const worth = plans.filter((plan) => plan.live || plan.failed || plan.finished);
      const exact = worth.length === 0 ? [] : await query<ExactCountRow>(sql.exactCounts(schema, worth, EXACT_COUNT_LIMIT + 1));
      const exactByQueue = new Map(exact.map((row) => [row.queue, row]));
      return cached.map((row, index) => toQueueCounts(row, plans[index]!, exactByQueue.get(row.queue)));
    },

    async listJobs(listing: JobListQuery): Promise<JobPage> {
      if (listing.state !== undefined && !isJobState(listing.state)) {
        throw new InvalidInputError('state', `Unknown job state ${JSON.stringify(listing.state)}; use one of ${PG_BOSS_STATES.join(', ')}.`);
      }
      const position = listing.after === undefined ? undefined : fromCursorPosition(listing.after);
      if (!isHostQueueName(listing.queue)) return { jobs: [], next: null };
      const data = listing.data ?? [];
      // Payload conditions have no index, and a state has one only where the host added it.
      const served = data.length === 0 && (!listing.state || (await listingIndex.ready()));
      if (!served) return listBounded(listing, position, data);
      const rows = await query<JobSummaryRow>(sql.listJobs(schema, {
        queue: listing.queue,
        ...(listing.state ? { state: listing.state } : {}),
        ...(position ? { after: position } : {}),
        limit: listing.limit + 1,
        ...(listing.fields?.length ? { fields: listing.fields } : {}),
      }));
      return pageOf(rows, listing.limit);
    },

    async getJob(queue, id): Promise<JobDetail | null> {
      if (!CANONICAL_UUID.test(id.toLowerCase())) return null;
      const [row] = await query<JobDetailRow>(sql.getJob(schema, queue, id));
      return row ? toJobDetail(row) : null;
    },

    ...createActionMethods(actionContext),
    ...createScheduleMethods({ boss, schema, query }),
    ...createJobLookup({ schema, query }),
    ...createInstanceMethods(boss),
    ...createQueueHealth({ schema, query }),
    ...createQueueActivity({ schema, query }),
    ...createFlowMethods({ schema, query }),
    describe: createDescribe({ schema, version: options.version, query }),
  };
}

/** A row of `sql.listJobsBounded`: `walked` is a bigint, which the driver may hand over as text. */
type WalkedRow = JobSummaryRow & { readonly wanted: boolean; readonly walked: number | string };

/** A page from up to `limit + 1` rows: the extra row only says that another page follows. */
function pageOf(rows: readonly JobSummaryRow[], limit: number): JobPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    jobs: page.map(toJobSummary),
    next: rows.length > limit && last ? toCursorPosition(toJobPosition(last)) : null,
  };
}

function assertPgBossLike(boss: unknown): asserts boss is PgBossLike {
  const candidate = boss as Partial<Record<keyof PgBossLike, unknown>> | null | undefined;
  const required = ['getDb', 'getQueues', 'getQueue', 'getJobById', 'retry', 'cancel', 'deleteJob', 'resume'] as const;
  const missing = required.filter((method) => typeof candidate?.[method] !== 'function');
  if (missing.length > 0) {
    throw new OptionsError(
      'engine',
      `must be given a started PgBoss instance: fromPgBoss(boss) received ${boss === null ? 'null' : typeof boss}, which lacks ${missing.map((method) => `${method}()`).join(', ')}.`,
    );
  }
}
