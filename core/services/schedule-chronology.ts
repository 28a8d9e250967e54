import type { Actor } from '../contracts/auth.ts';
import type { ScheduleSummary } from '../contracts/schedules.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { ChronologyResponse } from '../vocabulary/chronology.ts';
import { scheduleKeyFromSegment } from '../vocabulary/schedule-key.ts';
import { auditEntries, chronologyGaps, mergeEntries, scheduleEntries, type ChronologySchedule } from './chronology-merge.ts';
import { readAudit, recordCount, shownRecords } from './chronology.ts';
import type { ServiceContext } from './context.ts';
import { queueNotFound } from './queues.ts';

/** The longest schedule key the console reads, as for a schedule action's target. */
const MAX_KEY_LENGTH = 500;

/** What of the schedule the chronology reads: its times and last job, never its data. */
const lived = (schedule: ScheduleSummary): ChronologySchedule => ({
  createdAt: schedule.createdAt, updatedAt: schedule.updatedAt, nextRuns: schedule.nextRuns, lastJob: schedule.lastJob, missedRunAt: schedule.missedRunAt ?? null,
});

/**
 * One schedule's story: what the engine keeps of it (when it was written and changed, the last
 * job it made, a run it missed, its next run) and the operator actions on it from the audit log
 * (`schedule.run`, `schedule.remove`, by its key), oldest first, saying what is not known. A
 * schedule the engine no longer has, such as one an operator removed, still has a chronology
 * when the audit log names it. `segment` is the key as the path writes it (see
 * `scheduleKeySegment`). Reads the schedule by its key and one page of audit records through
 * their index; the schedule itself only for an operator who may read schedules.
 */
export async function getScheduleChronology(context: ServiceContext, actor: Actor, queue: string, segment: string): Promise<ChronologyResponse> {
  const key = scheduleKeyFromSegment(segment);
  if (key.length > MAX_KEY_LENGTH) throw new InvalidInputError('key', `key must be a schedule's key, of at most ${MAX_KEY_LENGTH} characters.`);
  await context.access.require(actor, 'queues.view', { type: 'queue', queue });
  const engine = context.engine;
  const [mayReadSchedules, found, read] = await Promise.all([
    context.access.check(actor, 'schedules.view', { type: 'console' }).then((verdict) => verdict.allowed),
    engine.findSchedule ? engine.findSchedule(queue, key) : Promise.resolve(null),
    readAudit(context, actor, { queue, schedule: key }),
  ]);
  // To an operator who may not read schedules, one the audit log does not name is unknown: the
  // answer does not confirm that a key exists.
  if ((!found || !mayReadSchedules) && recordCount(read) === 0) {
    if (read.kind === 'unreadable') throw new Error('ops-jobs: the audit log could not be read for a schedule the engine does not have');
    if (!(await engine.findQueue(queue))) throw queueNotFound(queue);
    throw new NotFoundError('Schedule', `Queue ${JSON.stringify(queue)} has no schedule with key ${JSON.stringify(key)}, and the audit log names none.`);
  }
  const schedule = found && mayReadSchedules ? lived(found) : null;
  const records = shownRecords(context, actor, read);
  return {
    subject: { kind: 'schedule', queue, key },
    job: null,
    entries: mergeEntries(schedule ? scheduleEntries(schedule, context.clock()) : [], auditEntries(records ?? [])),
    audit: read.kind === 'read' ? 'shown' : read.kind,
    gaps: chronologyGaps({
      subject: 'schedule', job: null, queueExists: true, schedule: !mayReadSchedules ? 'hidden' : schedule ?? 'gone',
      records, audit: read.kind, moreRecords: read.kind === 'read' && read.page.next !== null,
    }),
  };
}
