import type { Redis } from 'ioredis';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import { pipelined, pipelinedLeniently, type Command, type QueueKeys } from './redis.ts';
import { SET_SOURCES } from './sources.ts';

/**
 * How far into the active list a job is looked for when it holds no lock (a stalled job). The
 * active list is as long as the workers' concurrency, so this reads it whole in practice and
 * still bounds the read when it is not.
 */
export const ACTIVE_SCAN_LIMIT = 10_000;

/**
 * The state of each of these jobs that still exists, by key lookups only: whether the job's hash
 * exists (HEXISTS of its creation time), one ZSCORE per sorted set (delayed, prioritized, waiting-children, completed, failed) and an EXISTS of the job's lock;
 * a job in none of them is looked for in the active list (LPOS, bounded), and is otherwise waiting
 * in a list (wait, or the legacy paused list): queued. Lists cannot be asked whether they hold a
 * job without walking them, which is why waiting jobs are told by elimination.
 */
export async function readStates(client: Redis, keys: QueueKeys, ids: readonly string[]): Promise<Map<string, JobState>> {
  const perJob = 2 + SET_SOURCES.length;
  const commands: Command[] = [];
  for (const id of ids) {
    // A job is a hash with a creation time; an id naming another of the queue's keys is no job.
    commands.push(['hexists', keys.of(id), 'timestamp'], ['exists', keys.of(`${id}:lock`)]);
    for (const source of SET_SOURCES) commands.push(['zscore', keys.of(source.name), id]);
  }
  const replies = await pipelinedLeniently(client, commands);
  const states = new Map<string, JobState>();
  const unplaced: string[] = [];
  ids.forEach((id, index) => {
    const [exists, locked, ...scores] = replies.slice(index * perJob, (index + 1) * perJob);
    if (exists !== 1) return;
    const set = SET_SOURCES.find((_, position) => scores[position] !== null);
    if (set) states.set(id, set.state);
    else if (locked === 1) states.set(id, 'active');
    else unplaced.push(id);
  });
  if (unplaced.length > 0) {
    const positions = await pipelined(client, unplaced.map((id) => ['lpos', keys.of('active'), id, 'MAXLEN', ACTIVE_SCAN_LIMIT] as const));
    unplaced.forEach((id, index) => states.set(id, positions[index] === null ? 'queued' : 'active'));
  }
  // In the order asked, whichever read placed each job.
  return new Map(ids.flatMap((id) => (states.has(id) ? [[id, states.get(id)!] as const] : [])));
}
