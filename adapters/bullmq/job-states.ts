import type { Redis } from 'ioredis';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { pipelined, pipelinedLeniently, type Command, type QueueKeys } from './redis.ts';
import { SET_SOURCES, SOURCES, type Source } from './sources.ts';

/**
 * How far into the active list a job is looked for when it holds no lock (a stalled job). The
 * active list is as long as the workers' concurrency, so this reads it whole in practice and
 * still bounds the read when it is not.
 */
export const ACTIVE_SCAN_LIMIT = 10_000;

/** Where a job is: the structure holding it, with its score there when that is a sorted set. */
export interface JobPlace {
  readonly state: JobState;
  readonly source: Source;
  /** The job's score in a sorted set, as Redis printed it; null in a list. */
  readonly score: string | null;
  /**
   * Whether a worker holds the job's lock (`<job>:lock` exists): for a running job, that its
   * worker is alive and renewing it; a running job without one was let go of (its worker died or
   * hangs) and is BullMQ's stalled-job check's to take back, or an operator's to fail.
   */
  readonly locked: boolean;
}

const ACTIVE = SOURCES.find((source) => source.name === 'active')!;
const WAIT = SOURCES.find((source) => source.name === 'wait')!;

/** The state of each of these jobs that still exists (see `readPlaces`). */
export async function readStates(client: Redis, keys: QueueKeys, ids: readonly string[]): Promise<Map<string, JobState>> {
  return new Map([...(await readPlaces(client, keys, ids))].map(([id, place]) => [id, place.state]));
}

/**
 * Where each of these jobs that still exists is, by key lookups only: whether the job's hash
 * exists (HEXISTS of its creation time), one ZSCORE per sorted set (delayed, prioritized,
 * waiting-children, completed, failed) and an EXISTS of the job's lock; a job in none of them is
 * looked for in the active list (LPOS, bounded), and is otherwise waiting in a list (wait, or the
 * legacy paused list): queued. Lists cannot be asked whether they hold a job without walking
 * them, which is why waiting jobs are told by elimination.
 */
export async function readPlaces(client: Redis, keys: QueueKeys, ids: readonly string[]): Promise<Map<string, JobPlace>> {
  const perJob = 2 + SET_SOURCES.length;
  const commands: Command[] = [];
  for (const id of ids) {
    // A job is a hash with a creation time; an id naming another of the queue's keys is no job.
    commands.push(['hexists', keys.of(id), 'timestamp'], ['exists', keys.of(`${id}:lock`)]);
    for (const source of SET_SOURCES) commands.push(['zscore', keys.of(source.name), id]);
  }
  const replies = await pipelinedLeniently(client, commands);
  const places = new Map<string, JobPlace>();
  const unplaced: string[] = [];
  ids.forEach((id, index) => {
    const [exists, locked, ...scores] = replies.slice(index * perJob, (index + 1) * perJob);
    if (exists !== 1) return;
    const position = SET_SOURCES.findIndex((_, candidate) => scores[candidate] !== null && scores[candidate] !== undefined);
    if (position >= 0) places.set(id, { state: SET_SOURCES[position]!.state, source: SET_SOURCES[position]!, score: String(scores[position]), locked: locked === 1 });
    else if (locked === 1) places.set(id, { state: 'active', source: ACTIVE, score: null, locked: true });
    else unplaced.push(id);
  });
  if (unplaced.length > 0) {
    const positions = await pipelined(client, unplaced.map((id) => ['lpos', keys.of('active'), id, 'MAXLEN', ACTIVE_SCAN_LIMIT] as const));
    unplaced.forEach((id, index) => places.set(id, positions[index] === null ? { state: 'queued', source: WAIT, score: null, locked: false } : { state: 'active', source: ACTIVE, score: null, locked: false }));
  }
  // In the order asked, whichever read placed each job.
  return new Map(ids.flatMap((id) => (places.has(id) ? [[id, places.get(id)!] as const] : [])));
}
