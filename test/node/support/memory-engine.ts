// An in-memory engine for unit tests of the core only. Integration tests use real engines.
import { InvalidInputError } from '../../../core/errors.ts';
import type { JobEngine, JobListQuery, JobPage } from '../../../core/contracts/engine.ts';
import type { JobDetail, JobState, QueueInfo } from '../../../core/contracts/jobs.ts';

export interface MemoryJob {
  id: string;
  queue: string;
  state: JobState;
  createdAt: string;
  data?: unknown;
  output?: unknown;
  error?: { name?: string; message?: string; stack?: string } | null;
}

export function memoryEngine(queues: readonly string[], jobs: readonly MemoryJob[]): JobEngine {
  const ordered = [...jobs].sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : b.createdAt.localeCompare(a.createdAt)));
  const info = (name: string): QueueInfo => {
    const counts: Partial<Record<JobState, number>> = {};
    for (const job of jobs) if (job.queue === name) counts[job.state] = (counts[job.state] ?? 0) + 1;
    return { name, counts, total: jobs.filter((job) => job.queue === name).length, deadLetterQueue: null, settings: {} };
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
    capabilities: { states: ['queued', 'active', 'completed', 'failed'] },
    async listQueues() {
      return queues.map(info);
    },
    async getQueue(name) {
      return queues.includes(name) ? info(name) : null;
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
  };
}

/** A store that only counts migrations: enough for the core's unit tests. */
export function memoryStore() {
  let runs = 0;
  return {
    get runs() {
      return runs;
    },
    async migrate() {
      runs += 1;
      return { schema: 'memory', applied: [], version: 1 };
    },
  };
}
