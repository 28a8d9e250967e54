import type { Redis } from 'ioredis';
import type { JobSummary } from '../../core/contracts/jobs.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { isJobId, MAX_JOB_ID_LENGTH } from './cursor.ts';
import { SUMMARY_FIELDS, toJobSummary } from './job-hash.ts';
import { readPlaces } from './job-states.ts';
import { pipelinedLeniently, queueKeys } from './redis.ts';

/**
 * The jobs with exactly this id, one per queue that holds it, at most `limit`: one HMGET of the
 * summary fields per queue in a single pipeline, then the state of each found job (see
 * `readPlaces`). BullMQ's ids are free-form strings kept only as parts of key names, so a prefix
 * could be matched only by scanning the keyspace: only whole ids are found. BullMQ's counter ids
 * (`1`, `2`...) repeat across queues, so one id may find a job in several.
 */
export async function findJobsById(client: Redis, prefix: string, queues: readonly string[], id: string, limit: number): Promise<JobSummary[]> {
  if (!isJobId(id)) throw new InvalidInputError('id', `id must be a whole BullMQ job id: up to ${MAX_JOB_ID_LENGTH} characters, without control characters.`);
  const replies = await pipelinedLeniently(client, queues.map((queue) => ['hmget', queueKeys(prefix, queue).of(id), ...SUMMARY_FIELDS]));
  const found = queues.flatMap((queue, index) => {
    const values = replies[index] as (string | null)[] | undefined;
    return values?.[0] !== null && values?.[0] !== undefined ? [{ queue, values }] : [];
  }).slice(0, limit);
  const placed = await Promise.all(found.map(async ({ queue, values }) => {
    const place = (await readPlaces(client, queueKeys(prefix, queue), [id])).get(id);
    return place ? toJobSummary(queue, id, place.state, values, place.source.name === 'delayed' ? place.score : null) : null;
  }));
  return placed.filter((job): job is JobSummary => job !== null);
}
