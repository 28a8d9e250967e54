import type { JobDetailResponse } from '../../core/vocabulary/wire.ts';
import { formatDuration, toDate } from '../shared/format.ts';
import { msg } from '../shared/locale.ts';
import { stateLabel } from '../shared/state-copy.ts';

/** One point on a job's timeline. */
export interface TimelineStep {
  readonly label: string;
  /** ISO time, or null for a step still to come. */
  readonly at: string | null;
  /** How long the step took from the one before it, in words ("waited 740 ms"). */
  readonly note: string | null;
  /** `done`, `now` (in progress), `failed`, `future`. */
  readonly tone: 'done' | 'now' | 'failed' | 'future';
}


/** The steps of a job's life so far, from its timings and state. */
export function timelineSteps(job: Pick<JobDetailResponse, 'state' | 'timings'>): TimelineStep[] {
  const { createdAt, runAfter, startedAt, finishedAt, keepUntil } = job.timings;
  const steps: TimelineStep[] = [{ label: msg('Created'), at: createdAt, note: null, tone: 'done' }];
  const created = toDate(createdAt);
  const after = toDate(runAfter);
  if (after && created && after.getTime() - created.getTime() >= 1000) {
    steps.push({ label: msg('Run after'), at: runAfter, note: msg('{duration} after creation', { duration: formatDuration(after.getTime() - created.getTime()) }), tone: startedAt ? 'done' : 'future' });
  }
  const started = toDate(startedAt);
  if (started) {
    const from = after && created && after > created ? after : created;
    steps.push({ label: msg('Started'), at: startedAt, note: from ? msg('waited {duration}', { duration: formatDuration(Math.max(0, started.getTime() - from.getTime())) }) : null, tone: 'done' });
  } else if (!finishedAt) {
    steps.push({ label: msg('Not started yet'), at: null, note: null, tone: 'future' });
  }
  const finished = toDate(finishedAt);
  if (finished) {
    const label = job.state === 'failed' || job.state === 'completed' || job.state === 'cancelled' ? stateLabel(job.state) : msg('Finished');
    const note = started ? msg('ran {duration}', { duration: formatDuration(Math.max(0, finished.getTime() - started.getTime())) }) : null;
    steps.push({ label, at: finishedAt, note, tone: job.state === 'failed' ? 'failed' : 'done' });
  } else if (started) {
    steps.push({ label: job.state === 'retrying' ? msg('Waiting to retry') : msg('Running'), at: null, note: null, tone: 'now' });
  }
  if (keepUntil) steps.push({ label: msg('Kept until'), at: keepUntil, note: null, tone: 'future' });
  return steps;
}
