import type { Redis } from 'ioredis';
import type { ActionSelection } from '../../core/contracts/engine.ts';
import type { JobSummary } from '../../core/contracts/jobs.ts';
import { ACTIVE_SCAN_LIMIT } from './job-states.ts';
import { newestFirst, summaries } from './listing.ts';
import { pipelined, pipelinedLeniently, queueKeys } from './redis.ts';
import { SOURCES } from './sources.ts';

const ACTIVE = SOURCES.find((source) => source.name === 'active')!;

/**
 * The running jobs of a queue that `fail` applies to: those in the active list whose lock is gone
 * (no live worker holds them). Reads the active list (bounded, as long as the workers' concurrency
 * in practice) and one EXISTS per job; the jobs kept are the first `limit` unlocked ones in the
 * list's order (most recently started first), shown newest first. Jobs a worker still holds count
 * as ineligible, and as `held`.
 */
export async function selectAbandoned(client: Redis, prefix: string, queue: string, limit: number): Promise<ActionSelection> {
  const keys = queueKeys(prefix, queue);
  const [active] = (await pipelined(client, [['lrange', keys.of('active'), 0, ACTIVE_SCAN_LIMIT - 1]])) as [string[]];
  const locks = await pipelinedLeniently(client, active.map((id) => ['exists', keys.of(`${id}:lock`)] as const));
  const unlocked = active.flatMap((id, index) => (locks[index] === 0 ? [{ id, index }] : []));
  const held = active.length - unlocked.length;
  const jobs = await summaries(client, prefix, queue, unlocked.slice(0, limit).map(({ id, index }) => ({ source: ACTIVE, id, mark: index })));
  return {
    jobs: newestFirst(jobs),
    eligible: Math.max(unlocked.length, jobs.length),
    ...(active.length >= ACTIVE_SCAN_LIMIT ? { moreEligible: true } : {}),
    ineligible: held,
    ...(held > 0 ? { held } : {}),
    missing: [],
  };
}

/**
 * What failing these running jobs does on BullMQ, in plain words: BullMQ's own move, as if the
 * handler had thrown, and its retry rules, job by job from their attempts. Counts only; no job data.
 */
export function failWarnings(jobs: readonly JobSummary[]): string[] {
  const n = jobs.length;
  if (n === 0) return [];
  const left = jobs.filter((job) => job.attempts.made + 1 < job.attempts.max).length;
  const warnings = [
    `${subject(n, n)} ${pick(n, 'is', 'are')} running with no worker holding ${pick(n, 'its lock', 'their locks')}: the worker died or hangs. ` +
      `Failing runs BullMQ's own moveToFailed, as if the handler had thrown. It does not stop a handler that still runs: a worker that only hung ` +
      'and comes back finds the lock gone, and BullMQ refuses what it reports.',
  ];
  if (left === 0) {
    warnings.push(`${subject(n, n)} ${pick(n, 'has', 'have')} no attempts left, so ${pick(n, 'it fails', 'they fail')} for good.`);
  } else {
    const rest = n - left;
    warnings.push(
      `BullMQ's retry rules apply: ${subject(left, n).toLowerCase()} ${pick(left, 'has', 'have')} attempts left, so BullMQ runs ${pick(left, 'it', 'them')} again ` +
        `(at once, or after ${pick(left, 'its', 'their')} backoff)${rest > 0 ? `, and the ${rest === 1 ? 'other fails' : `other ${rest} fail`} for good` : ''}. ` +
        `To stop ${pick(left, 'it', 'them')} for good instead, delete ${pick(left, 'it', 'them')} once ${pick(left, 'it waits', 'they wait')} to run again.`,
    );
  }
  return warnings;
}

/** "This job", "Both jobs", "All 5 jobs" or "2 of these jobs", for `count` of `total` selected jobs. */
function subject(count: number, total: number): string {
  if (count === total) return total === 1 ? 'This job' : total === 2 ? 'Both jobs' : `All ${total} jobs`;
  return count === 1 ? 'One of these jobs' : `${count} of these jobs`;
}

function pick(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
