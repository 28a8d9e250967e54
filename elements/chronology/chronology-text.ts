import type { ChronologyEntry, ChronologyGap, ChronologyJobEntry, ChronologyResponse, ChronologyScheduleEntry } from '../../core/vocabulary/chronology.ts';
import { actionDone } from '../audit-log/audit-text.ts';
import { formatCount, formatDuration, shortId } from '../shared/format.ts';
import { msg, plural } from '../shared/locale.ts';
import { stateLabel } from '../shared/state-copy.ts';

/** The words for a point of a job's life. */
export function jobPointLabel(entry: ChronologyJobEntry): string {
  const attempt = entry.attempt ?? 1;
  switch (entry.point) {
    case 'created': return msg('Created');
    case 'run_after': return msg('Run after');
    case 'started': return attempt > 1 ? msg('Attempt {attempt} started', { attempt: formatCount(attempt) }) : msg('Started');
    case 'retry_at': return msg('Attempt {attempt} runs', { attempt: formatCount(attempt) });
    case 'completed':
    case 'failed':
    case 'cancelled': return stateLabel(entry.point);
    case 'finished': return msg('Finished');
    case 'kept_until': return msg('Kept until');
  }
}

/** The words for a point of a schedule's life. */
export function schedulePointLabel(entry: ChronologyScheduleEntry): string {
  switch (entry.point) {
    case 'created': return msg('Schedule created');
    case 'updated': return msg('Schedule last written');
    case 'last_job': return msg('Made its last job');
    case 'missed_run': return msg('Run due, no job made');
    case 'next_run': return msg('Next run');
  }
}

/** A plain statement of what the chronology does not know. */
export function gapText(gap: ChronologyGap, answer: ChronologyResponse): string {
  switch (gap.code) {
    case 'job_gone':
      return msg('The engine no longer has this job: it was removed, or pruned when its retention ended. Its states, attempts and errors are gone; only the audit records remain.');
    case 'queue_gone':
      return msg('The engine no longer has this queue; only the audit records remain.');
    case 'earlier_attempts_untimed':
      return plural(gap.count ?? 1, 'The engine keeps the times of the last attempt only: when the attempt before it ran and how it failed is not known.',
        'The engine keeps the times of the last attempt only: when the {count} attempts before it ran and how they failed is not known.');
    case 'outcome_unrecorded': {
      const entry = answer.entries.find((item) => item.source === 'audit' && item.record.id === gap.recordId);
      const action = entry?.source === 'audit' ? actionDone(entry.record.action) : msg('An action');
      return msg('{action}: its outcome was never recorded, so it may or may not have changed anything.', { action });
    }
    case 'audit_hidden':
      return msg('Operator actions are not shown: reading the audit log needs a permission you do not have.');
    case 'audit_unreadable':
      return msg('Operator actions are not shown: the audit log could not be read. Refresh to try again.');
    case 'audit_more':
      return msg('Only the newest 100 audit records are shown; the audit log has the older ones.');
    case 'audit_before_created':
      return plural(gap.count ?? 1, 'One audit record is older than this job: it concerns an earlier job with the same id.',
        '{count} audit records are older than this job: they concern an earlier job with the same id.');
    case 'queue_history_not_kept':
      return msg('The engine keeps no history of the queue itself: these are the operator actions on it and its jobs, from the audit log.');
    case 'schedule_gone':
      return msg('The engine no longer has this schedule: it was removed, or the application no longer creates it. Its timetable and the jobs it made are not known here; only the audit records remain.');
    case 'schedule_runs_not_kept':
      return msg('The engine keeps no history of the schedule\'s runs: only the last job it made, and a run missed since. Earlier runs, and whether they made a job, are not known.');
    case 'schedule_hidden':
      return msg('The schedule itself is not shown: reading schedules needs a permission you do not have.');
    case 'last_job_gone':
      return msg('The engine no longer has the last job this schedule made ({id}): when it was made and how it went are not known.', { id: shortId(gap.jobId ?? '') });
  }
}

/** How long a start waited (from creation or its run after) or a run took, in words; null for other points. */
export function stepNote(entry: ChronologyJobEntry, entries: readonly ChronologyEntry[]): string | null {
  const at = (point: string) => {
    const found = entries.find((item) => item.source === 'job' && item.point === point);
    return found ? Date.parse(found.at) : null;
  };
  const time = Date.parse(entry.at);
  if (entry.point === 'started') {
    const from = Math.max(at('created') ?? time, at('run_after') ?? 0);
    return (entry.attempt ?? 1) > 1 ? null : msg('waited {duration}', { duration: formatDuration(Math.max(0, time - from)) });
  }
  if (entry.point === 'completed' || entry.point === 'failed' || entry.point === 'cancelled' || entry.point === 'finished') {
    const started = at('started');
    return started === null ? null : msg('ran {duration}', { duration: formatDuration(Math.max(0, time - started)) });
  }
  return null;
}
