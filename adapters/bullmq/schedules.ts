import type { Redis } from 'ioredis';
import { getNextMillis } from 'bullmq';
import type { CursorPosition } from '../../core/contracts/engine.ts';
import type { ScheduleListQuery, SchedulePage, ScheduleSummary } from '../../core/contracts/schedules.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { parseJson } from './job-hash.ts';
import { readPlaces } from './job-states.ts';
import { pipelined, queueKeys } from './redis.ts';

/** How many upcoming runs each schedule shows. */
const NEXT_RUNS = 3;

/**
 * Most job schedulers read of one queue. BullMQ keeps a queue's schedulers in a sorted set by next
 * run; listing them by key means reading their ids, so past this many a queue lists those due
 * soonest.
 */
export const SCHEDULERS_PER_QUEUE = 1000;

/**
 * How long past its time a run may be before it counts as missed: a worker takes a due scheduler
 * job within its blocking timeout, and BullMQ makes the next run's job as it does.
 */
export const MISSED_AFTER_MS = 2 * 60_000;

/** The time zone BullMQ reads a pattern without `tz` in: the process's own, taken as this one's. */
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export interface SchedulerRef {
  readonly queue: string;
  readonly key: string;
  /** Its next run, in ms: the score of its member of `<queue>:repeat`. */
  readonly next: number;
}

/**
 * One page of BullMQ's job schedulers (`Queue.upsertJobScheduler`), ordered by queue, then key:
 * one ZCARD per queue in a pipeline to skip queues without any, then each queue's scheduler ids
 * (ZRANGE, at most `SCHEDULERS_PER_QUEUE`) until the page is full, then the page's scheduler hashes
 * (HGETALL) and the state of the job each made last. Reads only: unlike BullMQ's own getters, a
 * scheduler whose hash is gone is skipped, not removed.
 *
 * What BullMQ keeps maps so: a `pattern` is a cron expression in its `tz` (the process's zone
 * without one); an `every` interval is the recurrence rule `FREQ=SECONDLY;INTERVAL=n`. The next
 * runs start at the scheduler's next one (or now, when that is past) and follow BullMQ's own
 * `getNextMillis`, within its end date and limit. The job it made last is its next iteration's job
 * (`repeat:<key>:<time>`), made ahead of time; a run after it that came and went while no worker took
 * that job is a missed run. BullMQ records no creation or update time for a scheduler: both are that
 * job's creation time.
 */
export async function listBullMQSchedules(client: Redis, prefix: string, queues: readonly string[], query: ScheduleListQuery): Promise<SchedulePage> {
  const after = query.after === undefined ? null : fromPosition(query.after);
  const names = [...queues].filter((queue) => (query.queue === undefined || queue === query.queue) && (after === null || queue >= after.queue)).sort(byCodeUnits);
  const counts = await pipelined(client, names.map((queue) => ['zcard', queueKeys(prefix, queue).of('repeat')]));
  const refs: SchedulerRef[] = [];
  for (const [index, queue] of names.entries()) {
    if (refs.length > query.limit) break;
    if (Number(counts[index]) === 0) continue;
    const flat = (await client.zrange(queueKeys(prefix, queue).of('repeat'), 0, SCHEDULERS_PER_QUEUE - 1, 'WITHSCORES')) as string[];
    const own: SchedulerRef[] = [];
    for (let at = 0; at < flat.length; at += 2) own.push({ queue, key: flat[at]!, next: Number(flat[at + 1]) });
    own.sort((a, b) => byCodeUnits(a.key, b.key));
    refs.push(...own.filter((ref) => after === null || ref.queue !== after.queue || ref.key > after.key));
  }
  const page = refs.slice(0, query.limit);
  const schedules = await describeSchedulers(client, prefix, page);
  const last = page.at(-1);
  return { schedules, next: refs.length > query.limit && last ? [last.queue, last.key] : null };
}

export async function describeSchedulers(client: Redis, prefix: string, refs: readonly SchedulerRef[]): Promise<ScheduleSummary[]> {
  const lastJobId = (ref: SchedulerRef) => `repeat:${ref.key}:${ref.next}`;
  const replies = await pipelined(client, refs.flatMap((ref) => {
    const keys = queueKeys(prefix, ref.queue);
    return [['hgetall', keys.of(`repeat:${ref.key}`)], ['hget', keys.of(lastJobId(ref)), 'timestamp']] as const;
  }));
  const byQueue = new Map<string, string[]>();
  for (const ref of refs) byQueue.set(ref.queue, [...(byQueue.get(ref.queue) ?? []), lastJobId(ref)]);
  const states = new Map(await Promise.all([...byQueue].map(async ([queue, ids]) => [queue, await readPlaces(client, queueKeys(prefix, queue), ids)] as const)));
  const now = Date.now();
  return refs.flatMap((ref, index) => {
    const hash = replies[index * 2] as Record<string, string> | null;
    if (!hash || Object.keys(hash).length === 0) return [];
    const made = Number(replies[index * 2 + 1]);
    const at = new Date(Number.isFinite(made) && made > 0 ? made : ref.next).toISOString();
    const place = states.get(ref.queue)?.get(lastJobId(ref));
    const every = Number(hash.every);
    const timeZone = hash.tz || LOCAL_ZONE;
    const step = stepper(hash, timeZone);
    return [{
      queue: ref.queue,
      key: ref.key,
      ...expressionOf(hash.pattern, every),
      timeZone,
      data: parseJson(hash.data ?? null),
      createdAt: at,
      updatedAt: at,
      nextRuns: nextRuns(ref.next, hash, step, now),
      lastJob: { id: lastJobId(ref), state: place?.state ?? null, createdAt: place && Number.isFinite(made) && made > 0 ? at : null },
      missedRunAt: place ? missedRun(ref.next, step, now) : null,
    } satisfies ScheduleSummary];
  });
}

/**
 * How a scheduler's timetable is written: its cron pattern; an `every` of whole seconds as the
 * recurrence rule `FREQ=SECONDLY;INTERVAL=n`; any other `every` (1500 ms), which no rule can say,
 * as an ISO 8601 duration (`PT1.5S`) of kind `interval`.
 */
export function expressionOf(pattern: string | undefined, every: number): Pick<ScheduleSummary, 'kind' | 'expression'> {
  if (pattern) return { kind: 'cron', expression: pattern };
  if (!Number.isFinite(every) || every <= 0) return { kind: 'interval', expression: 'PT0S' };
  if (every % 1000 === 0) return { kind: 'rrule', expression: `FREQ=SECONDLY;INTERVAL=${every / 1000}` };
  return { kind: 'interval', expression: `PT${(every / 1000).toFixed(3).replace(/0+$/, '')}S` };
}

/** The run after `at`, as BullMQ works it out; undefined when there is none or BullMQ cannot read the pattern. */
type Step = (at: number) => number | undefined;

function stepper(hash: Readonly<Record<string, string>>, timeZone: string): Step {
  if (!hash.pattern) {
    const every = Number(hash.every);
    return (at) => (Number.isFinite(every) && every > 0 ? at + every : undefined);
  }
  const options = { pattern: hash.pattern, tz: timeZone, ...(hash.startDate ? { startDate: Number(hash.startDate) } : {}) };
  return (at) => {
    try {
      return getNextMillis(at, options) ?? undefined;
    } catch {
      return undefined;
    }
  };
}

/**
 * The scheduler's next runs from now, as BullMQ works them out: its next one, or, when that is
 * already past (its job waits for a worker), the runs after now; none past its end date or limit.
 */
function nextRuns(next: number, hash: Readonly<Record<string, string>>, step: Step, now: number): string[] {
  const end = hash.endDate ? Number(hash.endDate) : Infinity;
  const limit = hash.limit ? Number(hash.limit) : Infinity;
  // `ic` counts the iterations made, the one waiting for its time included.
  const left = Math.max(0, Math.min(NEXT_RUNS, limit - Number(hash.ic ?? 1) + 1));
  let at: number | undefined = next;
  if (at < now) at = hash.pattern ? step(now) : next + Math.ceil((now - next) / Number(hash.every)) * Number(hash.every);
  const runs: number[] = [];
  for (; runs.length < left && at !== undefined && Number.isFinite(at) && at <= end; at = step(at)) runs.push(at);
  return runs.map((run) => new Date(run).toISOString());
}

/**
 * The run after the scheduler's next one, when that is more than `MISSED_AFTER_MS` past: BullMQ
 * makes a run's job only as a worker takes the job before it, so a scheduler whose due job no worker
 * took misses the runs after it. Told only while that job exists.
 */
function missedRun(next: number, step: Step, now: number): string | null {
  const following = step(next);
  return following !== undefined && now - following > MISSED_AFTER_MS ? new Date(following).toISOString() : null;
}

function fromPosition(after: CursorPosition): { queue: string; key: string } {
  const [queue, key] = after;
  if (after.length !== 2 || typeof queue !== 'string' || typeof key !== 'string' || queue === '') {
    throw new InvalidInputError('cursor', 'The cursor does not belong to this schedule listing. Load the first page again without a cursor.');
  }
  return { queue, key };
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
