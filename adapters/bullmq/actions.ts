import type { Redis } from 'ioredis';
import { Job, type Queue } from 'bullmq';
import type { ActionSelection, JobEngine } from '../../core/contracts/engine.ts';
import { InvalidInputError, PartlyAppliedError } from '../../core/errors.ts';
import type { JobAction, QueueAction } from '../../core/vocabulary/actions.ts';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { JobSelection } from '../../core/vocabulary/job-selection.ts';
import { isJobId } from './cursor.ts';
import { readPlaces, readStates, type JobPlace } from './job-states.ts';
import { failAbandoned } from './fail-abandoned.ts';
import { isBullMQRefusal } from './refusal.ts';
import { failWarnings, selectAbandoned } from './fail-selection.ts';
import { newestFirst, summaries, listPage } from './listing.ts';
import { countQueues } from './queue-info.ts';
import { queueKeys } from './redis.ts';
import { bullmqState } from './states.ts';
import { configureBullMQQueue } from './queue-settings.ts';
import type { QueueDirectory } from './discovery.ts';

export interface ActionContext {
  readonly client: Redis;
  readonly prefix: string;
  readonly directory: QueueDirectory;
  /** BullMQ's queue object for a queue name (`createQueueHandles`). */
  readonly queueOf: (name: string) => Queue;
  readonly actions: Readonly<Partial<Record<JobAction, readonly JobState[]>>>;
}

type ActionMethods = Pick<JobEngine, 'selectForAction' | 'statesOf' | 'apply'> & Required<Pick<JobEngine, 'applyToQueue' | 'configureQueue'>>;

/** How many jobs' commands are sent at once while an action runs. */
const APPLY_BATCH = 25;

/**
 * The operator actions, each through BullMQ's own command for one job (`Job.retry`, `Job.promote`,
 * `Queue.remove`, `Job.moveToFailed` under the job's lock), which checks the job's state atomically
 * in Redis: a job that moved on since the console's last look is left alone and not counted, never
 * forced. `fail` applies only to running jobs no worker holds (see fail-abandoned.ts). Queue
 * actions run BullMQ's `Queue.pause` and `Queue.resume`; a change of settings, its global
 * concurrency and rate limit.
 */
export function createActionMethods(context: ActionContext): ActionMethods {
  const { client, prefix, directory, queueOf } = context;

  function statesFor(action: JobAction): readonly JobState[] {
    const states = context.actions[action];
    if (!states) throw new InvalidInputError('action', `The BullMQ engine cannot ${action} jobs.`);
    return states;
  }

  async function statesOf(queue: string, ids: readonly string[]): Promise<ReadonlyMap<string, JobState>> {
    const valid = ids.filter(isJobId);
    if (valid.length === 0 || !(await directory.has(queue))) return new Map();
    return readStates(client, queueKeys(prefix, queue), valid);
  }

  async function byIds(action: JobAction, queue: string, ids: readonly string[], limit: number): Promise<ActionSelection> {
    const applies = statesFor(action);
    const unique = [...new Set(ids)];
    const valid = unique.filter(isJobId);
    const places = valid.length > 0 && (await directory.has(queue)) ? await readPlaces(client, queueKeys(prefix, queue), valid) : new Map<string, JobPlace>();
    const missing = unique.filter((id) => !places.has(id));
    // A running job a live worker still holds (its lock renewed) is not the console's to fail.
    const held = action === 'fail' ? unique.filter((id) => places.get(id)?.state === 'active' && places.get(id)!.locked).length : 0;
    const eligible = unique.filter((id) => places.has(id) && applies.includes(places.get(id)!.state) && !(action === 'fail' && places.get(id)!.locked));
    const chosen = eligible.slice(0, limit).map((id) => ({ id, ...places.get(id)! }));
    const jobs = newestFirst(await summaries(client, prefix, queue, chosen.map(({ id, source, score }) => ({ source, id, mark: score ?? 0 }))));
    const selected = { jobs, eligible: eligible.length, ineligible: unique.length - missing.length - eligible.length, missing };
    return action === 'fail' ? { ...selected, ...(held > 0 ? { held } : {}), ...warned(failWarnings(jobs)) } : selected;
  }

  async function byState(action: JobAction, queue: string, state: JobState, limit: number): Promise<ActionSelection> {
    const applies = statesFor(action);
    if (!applies.includes(state) || !(await directory.has(queue))) return { jobs: [], eligible: 0, ineligible: 0, missing: [] };
    if (action === 'fail') {
      const selected = await selectAbandoned(client, prefix, queue, limit);
      return { ...selected, ...warned(failWarnings(selected.jobs)) };
    }
    // Every job in the state matches, so the count is the state's exact count; the jobs are its newest.
    const [counts] = await countQueues(client, prefix, [queue]);
    const page = await listPage(client, prefix, { queue, state, limit });
    return { jobs: page.jobs, eligible: Math.max(counts?.counts[state] ?? 0, page.jobs.length), ineligible: 0, missing: [] };
  }

  async function applyOne(action: JobAction, queue: string, id: string): Promise<boolean> {
    try {
      if (action === 'retry') {
        const job = await Job.fromId(queueOf(queue), id);
        if (!job) return false;
        await job.retry('failed');
        return true;
      }
      if (action === 'promote') {
        const job = await Job.fromId(queueOf(queue), id);
        if (!job) return false;
        await job.promote();
        return true;
      }
      if (action === 'delete') return (await queueOf(queue).remove(id)) === 1;
      if (action === 'fail') return await failAbandoned(client, prefix, queueOf(queue), id);
    } catch (error) {
      if (isBullMQRefusal(error)) return false;
      throw error;
    }
    throw new InvalidInputError('action', `The BullMQ engine cannot ${action} jobs.`);
  }

  return {
    async selectForAction(action, queue, selection: JobSelection, limit) {
      statesFor(action);
      const given = selection as Partial<{ ids: unknown; filter: { state?: unknown; data?: readonly unknown[] } }> | null;
      if (Array.isArray(given?.ids)) return byIds(action, queue, given.ids.filter((id): id is string => typeof id === 'string'), limit);
      if (!given?.filter || typeof given.filter !== 'object') throw new InvalidInputError('selection', 'Select jobs by ids or by a filter with a state.');
      const state = bullmqState(given.filter.state);
      if ((given.filter.data ?? []).length > 0) throw new InvalidInputError('data', 'The BullMQ engine cannot filter jobs on their payload.');
      return byState(action, queue, state, limit);
    },
    statesOf,
    async apply(action, queue, ids) {
      const applies = statesFor(action);
      // Only real jobs in a state the action applies to reach BullMQ's command, which checks again
      // atomically: an id that names one of the queue's other keys is never handed to it.
      const states = await statesOf(queue, [...new Set(ids)]);
      const unique = [...states].filter(([, state]) => applies.includes(state)).map(([id]) => id);
      let changed = 0;
      let failure: { reason: unknown } | null = null;
      // A few commands in flight at a time: each job's change is its own atomic BullMQ command, so
      // one job's failure leaves the others to be changed, and the count of those is kept.
      for (let from = 0; from < unique.length; from += APPLY_BATCH) {
        const results = await Promise.allSettled(unique.slice(from, from + APPLY_BATCH).map((id) => applyOne(action, queue, id)));
        changed += results.filter((result) => result.status === 'fulfilled' && result.value).length;
        failure ??= results.find((result) => result.status === 'rejected') ?? null;
      }
      if (failure) throw changed > 0 ? new PartlyAppliedError(changed, failure.reason) : failure.reason;
      return changed;
    },
    async applyToQueue(action: QueueAction, queue: string) {
      if (action !== 'pause' && action !== 'resume') throw new InvalidInputError('action', `The BullMQ engine cannot ${String(action)} queues.`);
      if (!(await directory.has(queue))) return false;
      const target = queueOf(queue);
      // BullMQ's pause and resume set or clear one field of the queue's meta hash (and move its
      // waiting jobs between lists) in one script each; pausing a paused queue changes nothing,
      // so the answer is whether the queue was in the other state just before.
      const wasPaused = await target.isPaused();
      if (wasPaused === (action === 'pause')) return false;
      if (action === 'pause') await target.pause();
      else await target.resume();
      return true;
    },
    async configureQueue(queue, values) {
      if (!(await directory.has(queue))) return;
      await configureBullMQQueue(queueOf(queue), values);
    },
  };
}

function warned(warnings: readonly string[]): { warnings?: readonly string[] } {
  return warnings.length > 0 ? { warnings } : {};
}
