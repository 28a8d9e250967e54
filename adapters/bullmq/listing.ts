import type { Redis } from 'ioredis';
import type { CursorPosition, JobPage } from '../../core/contracts/engine.ts';
import type { JobSummary } from '../../core/contracts/jobs.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { fromCursorPosition, toCursorPosition, type JobPosition } from './cursor.ts';
import { SUMMARY_FIELDS, toJobSummary } from './job-hash.ts';
import { readSource, type Entry } from './ranges.ts';
import { pipelined, queueKeys } from './redis.ts';
import { sourcesOf, type Source } from './sources.ts';

export interface ListRequest {
  readonly queue: string;
  readonly state?: JobState;
  readonly limit: number;
  readonly after?: CursorPosition;
}

/** An entry with its listing row, once its job hash was read. */
interface Candidate {
  readonly entry: Entry;
  readonly job: JobSummary | null;
}

/**
 * One page of a queue's jobs, newest first by when each was created. A state BullMQ keeps in one
 * structure is that structure's own order; a listing over several (the `queued` state, or every
 * state) merges them: up to `limit + 1` entries from each structure after the cursor's place in
 * it, their rows in one pipeline of HMGETs, then a merge by creation time that only ever takes a
 * structure's next entry, so each structure is read in its own order and none is skipped. The cursor
 * holds the place reached in each structure. A page reads at most `limit + 1` entries per structure
 * (eight structures at most), never a whole one.
 */
export async function listPage(client: Redis, prefix: string, request: ListRequest): Promise<JobPage> {
  const sources = sourcesOf(request.state);
  const positions = new Map(request.after === undefined ? [] : fromCursorPosition(request.after, sources));
  const keys = queueKeys(prefix, request.queue);
  const reads = await Promise.all(sources.map((source) => readSource(client, keys, source, request.limit + 1, positions.get(source))));
  const rows = await readRows(client, prefix, request.queue, reads.flatMap((read) => read.entries));
  const queues = reads.map((read) => read.entries.map((entry) => rows.get(entry)!));
  const taken: Candidate[] = [];
  const heads = queues.map(() => 0);
  // A structure whose read was cut short, once its entries are used up: the merge cannot go on.
  let cut: JobPosition | undefined;
  while (taken.length <= request.limit && !cut) {
    let best = -1;
    for (const [index, queue] of queues.entries()) {
      // An id whose job hash is gone (removed between the two reads) is passed over.
      while (heads[index]! < queue.length && queue[heads[index]!]!.job === null) heads[index]! += 1;
      const head = queue[heads[index]!];
      if (!head) {
        cut ??= reads[index]!.cut;
        continue;
      }
      const leader = best < 0 ? undefined : queues[best]![heads[best]!];
      if (!leader || head.job!.createdAt > leader.job!.createdAt) best = index;
    }
    if (best < 0 || cut) break;
    taken.push(queues[best]![heads[best]!]!);
    heads[best]! += 1;
  }
  const shown = taken.slice(0, request.limit);
  const jobs = shown.map((candidate) => candidate.job!);
  if (taken.length <= request.limit && !cut) return { jobs, next: null };
  for (const { entry } of shown) positions.set(entry.source, positionOf(entry));
  // Stopped at a cut: that structure goes on from where its read ended, and the page may be short.
  if (cut && taken.length <= request.limit) {
    positions.set(cut.source, cut);
    return { jobs, next: toCursorPosition(sourceOrder(sources, positions)), stoppedEarly: true };
  }
  return { jobs, next: toCursorPosition(sourceOrder(sources, positions)) };
}

/** The rows of these entries' jobs, by entry; null for a job that no longer exists. */
async function readRows(client: Redis, prefix: string, queue: string, entries: readonly Entry[]): Promise<Map<Entry, Candidate>> {
  const keys = queueKeys(prefix, queue);
  const replies = await pipelined(client, entries.map((entry) => ['hmget', keys.of(entry.id), ...SUMMARY_FIELDS] as const));
  return new Map(entries.map((entry, index) => {
    const delayedScore = entry.source.name === 'delayed' ? String(entry.mark) : null;
    return [entry, { entry, job: toJobSummary(queue, entry.id, entry.source.state, replies[index] as (string | null)[], delayedScore) }];
  }));
}

/** The listing rows of these entries, in their order, leaving out jobs that no longer exist. */
export async function summaries(client: Redis, prefix: string, queue: string, entries: readonly Entry[]): Promise<JobSummary[]> {
  const rows = await readRows(client, prefix, queue, entries);
  return entries.flatMap((entry) => {
    const job = rows.get(entry)?.job;
    return job ? [job] : [];
  });
}

function sourceOrder(sources: readonly Source[], positions: ReadonlyMap<Source, JobPosition>): Map<Source, JobPosition> {
  return new Map(sources.flatMap((source) => (positions.has(source) ? [[source, positions.get(source)!] as const] : [])));
}

export function positionOf(entry: Entry): JobPosition {
  return entry.source.kind === 'list'
    ? { source: entry.source as Source & { kind: 'list' }, index: entry.mark as number, id: entry.id, ...(entry.following === undefined ? {} : { following: entry.following }) }
    : { source: entry.source as Source & { kind: 'zset' }, score: entry.mark as string, id: entry.id };
}

/** Jobs newest first by when they were made, as a selection for an action shows them. */
export function newestFirst(jobs: readonly JobSummary[]): JobSummary[] {
  return [...jobs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}
