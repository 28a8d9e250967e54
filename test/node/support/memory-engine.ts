// An in-memory engine for unit tests of the core only. Integration tests use real engines.
import { InvalidInputError } from '../../../core/errors.ts';
import type { JobAction } from '../../../core/vocabulary/actions.ts';
import type { JobEngine, JobListQuery, JobPage } from '../../../core/contracts/engine.ts';
import type { JobDetail, QueueCounts, QueueDescription } from '../../../core/contracts/jobs.ts';
import type { JobState } from '../../../core/vocabulary/job-states.ts';
import type { JobSelection } from '../../../core/vocabulary/job-selection.ts';
import type { OpsStore } from '../../../core/contracts/store.ts';

export interface MemoryJob {
  id: string;
  queue: string;
  state: JobState;
  createdAt: string;
  data?: unknown;
  output?: unknown;
  error?: { name?: string; message?: string; stack?: string } | null;
}

/** Applies to jobs in these states, as a real engine declares. */
const ACTION_STATES: Partial<Record<JobAction, readonly JobState[]>> = { retry: ['failed'], cancel: ['queued', 'active'], delete: ['queued', 'active', 'completed', 'failed'] };
const AFTER_ACTION: Partial<Record<JobAction, JobState>> = { retry: 'queued', cancel: 'failed' };

export interface MemoryEngineOptions {
  /** Called before each apply; throw from it to simulate an engine failure. */
  beforeApply?: () => void;
}

/**
 * An in-memory engine that cannot share a transaction (like a Redis-backed one), for unit tests of
 * the core's action flow. Jobs are mutable so actions can be observed.
 */
export function memoryEngine(queues: readonly string[], jobs: MemoryJob[], options: MemoryEngineOptions = {}): JobEngine {
  const ordered = [...jobs].sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
  const describe = (name: string): QueueDescription => ({ name, deadLetterQueue: null, settings: {} });
  const count = (name: string): QueueCounts => {
    const counts: Partial<Record<JobState, number>> = {};
    for (const job of jobs) if (job.queue === name) counts[job.state] = (counts[job.state] ?? 0) + 1;
    return { queue: name, counts, total: jobs.filter((job) => job.queue === name).length, stale: {} };
  };
  const detail = (job: MemoryJob): JobDetail => ({
    id: job.id, queue: job.queue, state: job.state, priority: 0, attempts: { made: 1, max: 3 },
    createdAt: job.createdAt, runAfter: null, startedAt: null, finishedAt: null,
    errorMessage: job.error?.message ?? null,
    data: job.data ?? null, output: job.output ?? null, error: job.error ?? null, options: { retryLimit: 2 },
    timings: { createdAt: job.createdAt, runAfter: null, startedAt: null, finishedAt: null, keepUntil: null },
    deadLetteredFrom: null,
  });
  return {
    name: 'memory',
    capabilities: { states: ['queued', 'active', 'completed', 'failed'], actions: ACTION_STATES, sharedTransactions: false, dataFilters: false },
    async listQueues() {
      return queues.map(describe);
    },
    async findQueue(name) {
      return queues.includes(name) ? describe(name) : null;
    },
    async countJobs(names) {
      return names.filter((name) => queues.includes(name)).map(count);
    },
    async listJobs(query: JobListQuery): Promise<JobPage> {
      let rows = ordered.filter((job) => job.queue === query.queue && (!query.state || job.state === query.state));
      if (query.after) {
        const [createdAt, id] = query.after;
        if (typeof createdAt !== 'string' || typeof id !== 'string') throw new InvalidInputError('cursor', 'bad position');
        rows = rows.filter((job) => job.createdAt < createdAt || (job.createdAt === createdAt && job.id < id));
      }
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return { jobs: page.map(detail), next: rows.length > query.limit && last ? [last.createdAt, last.id] : null };
    },
    async getJob(queue, id) {
      const job = jobs.find((candidate) => candidate.queue === queue && candidate.id === id);
      return job ? detail(job) : null;
    },
    async selectForAction(action: JobAction, queue: string, selection: JobSelection, limit: number) {
      const states = ACTION_STATES[action] ?? [];
      const inQueue = ordered.filter((job) => job.queue === queue);
      const chosen = 'ids' in selection ? inQueue.filter((job) => selection.ids.includes(job.id)) : inQueue.filter((job) => job.state === selection.filter.state);
      const eligible = chosen.filter((job) => states.includes(job.state));
      return {
        jobs: eligible.slice(0, limit).map(detail),
        eligible: eligible.length,
        ineligible: chosen.length - eligible.length,
        missing: 'ids' in selection ? selection.ids.filter((id) => !inQueue.some((job) => job.id === id)) : [],
      };
    },
    async statesOf(queue: string, ids: readonly string[]) {
      return new Map(jobs.filter((job) => job.queue === queue && ids.includes(job.id)).map((job) => [job.id, job.state]));
    },
    async apply(action: JobAction, queue: string, ids: readonly string[]) {
      options.beforeApply?.();
      let changed = 0;
      for (const job of jobs) {
        if (job.queue !== queue || !ids.includes(job.id) || !(ACTION_STATES[action] ?? []).includes(job.state)) continue;
        if (action === 'delete') job.state = 'cancelled';
        else job.state = AFTER_ACTION[action] ?? job.state;
        changed += 1;
      }
      return changed;
    },
  };
}

/**
 * A store that only counts migrations: enough for the core's read-path unit tests. Its other
 * methods refuse, so a test that needs persistence must use the real store.
 */
export function memoryStore(): OpsStore & { readonly runs: number } {
  let runs = 0;
  const refuse = async (): Promise<never> => {
    throw new Error('memoryStore keeps nothing: use createPostgresStore in tests that act');
  };
  return {
    get runs() {
      return runs;
    },
    async migrate() {
      runs += 1;
      return { schema: 'memory', applied: [], version: 1 };
    },
    savePreview: refuse, findPreview: refuse, findReceipt: refuse, transaction: refuse, purgeExpired: refuse,
    completeIntent: refuse, listAudit: refuse, getAudit: refuse,
    exportAudit: () => ({ [Symbol.asyncIterator]: () => ({ next: refuse }) }),
  };
}
