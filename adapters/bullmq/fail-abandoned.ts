import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Job, type Queue } from 'bullmq';
import { ACTIVE_SCAN_LIMIT } from './job-states.ts';
import { queueKeys } from './redis.ts';
import { isBullMQRefusal } from './refusal.ts';

/** What a job failed by an operator holds as its failed reason (and its error's whole stack). */
export const FAILED_BY_OPERATOR = 'Failed by an operator in ops-jobs: its worker was no longer working it.';

/**
 * How long the console holds a job's lock while it fails it: long enough to read the job and run
 * BullMQ's one script, short enough that a console that dies in between leaves the job stuck for
 * seconds only (and the next diagnosis pass finds it again).
 */
export const OPERATOR_LOCK_MS = 15_000;

// Deletes the lock only while it is still the console's: never a lock a worker took since.
const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/**
 * Fails one running job whose worker let go of it, through BullMQ's own `Job.moveToFailed`, as if
 * its handler had thrown. True when BullMQ moved it; false when it was not the console's to fail.
 *
 * BullMQ's safety is its lock: a worker holds `<job>:lock` with its token and renews it while the
 * job runs, and `moveToFinished` moves a job only for the token that holds its lock. So the console
 * first takes the lock itself, atomically and only if no one holds it (`SET NX PX`): a live worker's
 * job is left alone (false), and while the console holds the lock neither a worker nor BullMQ's
 * stalled-job check (which moves only unlocked jobs) can move the job under it. Then, with the lock
 * its own, it checks the job is still running, and hands BullMQ the token: BullMQ applies the job's
 * attempts and backoff (a job with attempts left goes back to wait, or to delayed for its backoff;
 * one without fails for good, with its parent as its flow options say), emits its events and
 * releases the lock. A worker that only hung and comes back finds its lock gone, and BullMQ
 * refuses what it reports.
 */
export async function failAbandoned(client: Redis, prefix: string, queue: Queue, id: string): Promise<boolean> {
  const keys = queueKeys(prefix, queue.name);
  const lock = keys.of(`${id}:lock`);
  const token = `ops-jobs:${randomUUID()}`;
  if ((await client.set(lock, token, 'PX', OPERATOR_LOCK_MS, 'NX')) !== 'OK') return false;
  const release = () => client.eval(RELEASE, 1, lock, token).catch(() => {});
  try {
    // Taken back by the stalled-job check (or finished) before the console took the lock: not stuck.
    if ((await client.lpos(keys.of('active'), id, 'MAXLEN', ACTIVE_SCAN_LIMIT)) === null) {
      await release();
      return false;
    }
    const job = await Job.fromId(queue, id);
    if (!job) {
      await release();
      return false;
    }
    const error = new Error(FAILED_BY_OPERATOR);
    // The job's stack trace says what happened, not where in the console it was said.
    error.stack = `Error: ${FAILED_BY_OPERATOR}`;
    await job.moveToFailed(error, token, false);
    return true;
  } catch (error) {
    await release();
    if (isBullMQRefusal(error)) return false;
    if (error instanceof Error && /Unknown backoff strategy/.test(error.message)) {
      throw new Error(
        `ops-jobs could not fail job ${id}: it has attempts left and a backoff strategy of the host's own (a worker's settings.backoffStrategy), ` +
          'so when BullMQ would retry it cannot be worked out here. Nothing was changed; the job is still stuck.',
        { cause: error },
      );
    }
    throw error;
  }
}
