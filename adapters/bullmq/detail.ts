import type { Redis } from 'ioredis';
import type { JobDetail, JobFamily, JobRef } from '../../core/contracts/jobs.ts';
import { jobError, jobOptions, parseJson, summaryOf, type JobHash } from './job-hash.ts';
import { readPlaces } from './job-states.ts';
import { pipelinedLeniently, queueKeys } from './redis.ts';

/** How many of a job's last log lines the detail shows. */
export const LOG_LINES = 50;

/** How many of a job's children the detail names. */
export const CHILD_SAMPLE = 20;

/**
 * One job with everything BullMQ keeps about it, by key lookups: the job hash (HGETALL), its
 * state (see `readStates`), its last log lines (LRANGE of the tail, LLEN), and its children
 * counted (SCARD, HLEN) with a few named (SRANDMEMBER, HSCAN with a COUNT hint).
 */
export async function readJob(client: Redis, prefix: string, queue: string, id: string): Promise<JobDetail | null> {
  const keys = queueKeys(prefix, queue);
  const [hash, logLines = [], logTotal = 0, pending = 0, processed = 0, failed = 0, pendingSample = [], processedScan = ['0', []], failedScan = ['0', []]] = await pipelinedLeniently(client, [
    ['hgetall', keys.of(id)],
    ['lrange', keys.of(`${id}:logs`), -LOG_LINES, -1],
    ['llen', keys.of(`${id}:logs`)],
    ['scard', keys.of(`${id}:dependencies`)],
    ['hlen', keys.of(`${id}:processed`)],
    ['hlen', keys.of(`${id}:failed`)],
    ['srandmember', keys.of(`${id}:dependencies`), CHILD_SAMPLE],
    ['hscan', keys.of(`${id}:processed`), 0, 'COUNT', CHILD_SAMPLE],
    ['hscan', keys.of(`${id}:failed`), 0, 'COUNT', CHILD_SAMPLE],
  ]) as [Record<string, string> | undefined, string[]?, number?, number?, number?, number?, string[]?, [string, string[]]?, [string, string[]]?];
  if (!hash || hash.timestamp === undefined) return null;
  const place = (await readPlaces(client, keys, [id])).get(id);
  if (!place) return null;
  const job: JobHash = hash;
  const summary = summaryOf(queue, id, place.state, job, place.source.name === 'delayed' ? place.score : null);
  const options = jobOptions(job.opts);
  const parent = parentOf(prefix, job);
  const sample = [
    ...pendingSample.map((key) => ({ key, outcome: 'pending' as const })),
    ...everyOther(processedScan[1]).map((key) => ({ key, outcome: 'processed' as const })),
    ...everyOther(failedScan[1]).map((key) => ({ key, outcome: 'failed' as const })),
  ].flatMap(({ key, outcome }) => {
    const ref = refOf(prefix, key);
    return ref ? [{ ...ref, outcome }] : [];
  }).slice(0, CHILD_SAMPLE);
  const hasFamily = parent !== null || pending + processed + failed > 0;
  const family: JobFamily | undefined = hasFamily ? { parent, children: { pending, processed, failed, sample } } : undefined;
  return {
    ...summary,
    data: parseJson(job.data ?? null),
    output: job.returnvalue === undefined ? null : parseJson(job.returnvalue),
    error: jobError(job),
    options: { name: job.name ?? null, ...options },
    timings: {
      createdAt: summary.createdAt,
      runAfter: summary.runAfter,
      startedAt: summary.startedAt,
      finishedAt: summary.finishedAt,
      keepUntil: null,
    },
    deadLetteredFrom: null,
    // BullMQ writes progress only when the job reports some: a job that never did has none to show.
    ...(job.progress === undefined ? {} : { progress: parseJson(job.progress) }),
    logs: { lines: logLines, total: logTotal },
    ...(family ? { family } : {}),
  } satisfies JobDetail;
}

/** The job's parent, when BullMQ recorded one under this engine's prefix. */
function parentOf(prefix: string, job: JobHash): JobRef | null {
  return job.parentKey ? refOf(prefix, job.parentKey) : null;
}

/** A job key `<prefix>:<queue>:<id>` as a queue and id; null for a key under another prefix. */
export function refOf(prefix: string, key: string): JobRef | null {
  const head = `${prefix}:`;
  if (!key.startsWith(head)) return null;
  const rest = key.slice(head.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return null;
  return { queue: rest.slice(0, colon), id: rest.slice(colon + 1) };
}

/** The fields of an HSCAN reply (field, value, field, value...). */
export function everyOther(flat: readonly string[]): string[] {
  return flat.filter((_, index) => index % 2 === 0);
}

