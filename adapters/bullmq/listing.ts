import type { Redis } from 'ioredis';
import type { JobPage } from '../../core/contracts/engine.ts';
import type { JobSummary } from '../../core/contracts/jobs.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { fromCursorPosition, toCursorPosition, type JobPosition } from './cursor.ts';
import type { CursorPosition } from '../../core/contracts/engine.ts';
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

/**
 * One page of a queue's jobs: the structures of the state (all of them, in the console's state
 * order, for a listing of every state) read one after another from the cursor on, each newest
 * first, until `limit + 1` ids are found; then the rows of the first `limit` in one pipeline of
 * HMGETs. A job removed between the two reads is left out of the page.
 */
export async function listPage(client: Redis, prefix: string, request: ListRequest): Promise<JobPage> {
  const sources = sourcesOf(request.state);
  const position = request.after === undefined ? undefined : fromCursorPosition(request.after, sources);
  const keys = queueKeys(prefix, request.queue);
  const entries: Entry[] = [];
  let resume: JobPosition | undefined;
  for (let index = position ? sources.indexOf(position.source) : 0; index < sources.length && entries.length <= request.limit; index += 1) {
    const source: Source = sources[index]!;
    const read = await readSource(client, keys, source, request.limit + 1 - entries.length, position?.source === source ? position : undefined);
    entries.push(...read.entries);
    if (read.resume) {
      resume = read.resume;
      break;
    }
  }
  const shown = entries.slice(0, request.limit);
  const jobs = await summaries(client, prefix, request.queue, shown);
  if (resume) return { jobs, next: toCursorPosition(resume), stoppedEarly: true };
  const last = shown.at(-1);
  return { jobs, next: entries.length > request.limit && last ? toCursorPosition(positionOf(last)) : null };
}

/** The listing rows of these entries, in their order, leaving out jobs that no longer exist. */
export async function summaries(client: Redis, prefix: string, queue: string, entries: readonly Entry[]): Promise<JobSummary[]> {
  const keys = queueKeys(prefix, queue);
  const replies = await pipelined(client, entries.map((entry) => ['hmget', keys.of(entry.id), ...SUMMARY_FIELDS] as const));
  return entries.flatMap((entry, index) => {
    const summary = toJobSummary(queue, entry.id, entry.source.state, replies[index] as (string | null)[]);
    return summary ? [summary] : [];
  });
}

export function positionOf(entry: Entry): JobPosition {
  return entry.source.kind === 'list'
    ? { source: entry.source as Source & { kind: 'list' }, index: entry.mark as number, id: entry.id }
    : { source: entry.source as Source & { kind: 'zset' }, score: entry.mark as string, id: entry.id };
}
