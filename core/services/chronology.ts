import type { Actor } from '../contracts/auth.ts';
import type { AuditPage, AuditFilter } from '../contracts/audit.ts';
import { NotFoundError } from '../errors.ts';
import { CHRONOLOGY_AUDIT_LIMIT, type ChronologyResponse } from '../vocabulary/chronology.ts';
import type { AuditRecordResponse } from '../vocabulary/wire.ts';
import { auditEntries, chronologyGaps, jobEntries, mergeEntries, type ChronologyJob } from './chronology-merge.ts';
import type { ServiceContext } from './context.ts';
import { mayView } from './jobs.ts';
import { queueNotFound } from './queues.ts';

/** What reading the audit log for a chronology gave. */
export type AuditRead =
  | { readonly kind: 'read'; readonly page: AuditPage }
  /** The operator may not read the audit log. */
  | { readonly kind: 'hidden' }
  /** The store failed: the chronology says so rather than failing whole. */
  | { readonly kind: 'unreadable' };

/**
 * The newest records matching `filter` (at most the chronology's limit, read through the audit
 * log's indexes), unless the operator may not read the audit log. Asking is not a denial: the
 * chronology then says the records are hidden, and nothing about them.
 */
export async function readAudit(context: ServiceContext, actor: Actor, filter: AuditFilter): Promise<AuditRead> {
  const verdict = await context.access.check(actor, 'audit.view', { type: 'audit' });
  if (!verdict.allowed) return { kind: 'hidden' };
  try {
    return { kind: 'read', page: await context.store.listAudit({ ...filter, limit: CHRONOLOGY_AUDIT_LIMIT }) };
  } catch (error) {
    context.logger.error('ops-jobs: a chronology could not read the audit log', error);
    return { kind: 'unreadable' };
  }
}

export const shownRecords = (context: ServiceContext, actor: Actor, read: AuditRead): AuditRecordResponse[] | null =>
  read.kind === 'read' ? read.page.records.map((record) => context.presenter.auditRecord(record, actor)) : null;

export const recordCount = (read: AuditRead): number => (read.kind === 'read' ? read.page.records.length : 0);

/**
 * One job's story in one list: the points of its life the engine keeps (created, started, how it
 * ended, its error as the display policy shows it) and the audit records that touched it, oldest
 * first, with what is missing said plainly. A job the engine no longer has still has a chronology
 * when the audit log names it. Reads the job by its key and at most one page of audit records.
 */
export async function getJobChronology(context: ServiceContext, actor: Actor, queue: string, id: string): Promise<ChronologyResponse> {
  await mayView(context, actor, queue, id);
  const [job, read] = await Promise.all([context.engine.getJob(queue, id), readAudit(context, actor, { queue, jobId: id })]);
  if (!job && recordCount(read) === 0) {
    // Without the job or a record of it there is nothing to tell; an unreadable audit log cannot
    // say whether a record exists, and the store's error is the answer.
    if (read.kind === 'unreadable') throw new Error('ops-jobs: the audit log could not be read for a job the engine does not have');
    if (!(await context.engine.findQueue(queue))) throw queueNotFound(queue);
    throw new NotFoundError('Job', `Queue ${JSON.stringify(queue)} has no job with id ${JSON.stringify(id)}, and the audit log names none.`);
  }
  const summary = job ? context.presenter.jobSummary(job, actor) : null;
  const lived: ChronologyJob | null = job && summary ? { ...summary, timings: job.timings } : null;
  const records = shownRecords(context, actor, read);
  return {
    subject: { kind: 'job', queue, id },
    job: summary,
    entries: mergeEntries(lived ? jobEntries(lived, context.clock()) : [], auditEntries(records ?? [])),
    audit: read.kind === 'read' ? 'shown' : read.kind,
    gaps: chronologyGaps({ subject: 'job', job: lived, queueExists: true, records, audit: read.kind, moreRecords: read.kind === 'read' && read.page.next !== null }),
  };
}

/**
 * A queue's story: the operator actions on it and its jobs from the audit log, oldest first (the
 * newest page of them), saying that the engine keeps no history of the queue itself. A queue the
 * engine no longer has still has one when the audit log names it.
 */
export async function getQueueChronology(context: ServiceContext, actor: Actor, queue: string): Promise<ChronologyResponse> {
  await context.access.require(actor, 'queues.view', { type: 'queue', queue });
  const [description, read] = await Promise.all([context.engine.findQueue(queue), readAudit(context, actor, { queue })]);
  if (!description && recordCount(read) === 0) {
    if (read.kind === 'unreadable') throw new Error('ops-jobs: the audit log could not be read for a queue the engine does not have');
    throw queueNotFound(queue);
  }
  const records = shownRecords(context, actor, read);
  return {
    subject: { kind: 'queue', queue },
    job: null,
    entries: mergeEntries([], auditEntries(records ?? [])),
    audit: read.kind === 'read' ? 'shown' : read.kind,
    gaps: chronologyGaps({ subject: 'queue', job: null, queueExists: description !== null, records, audit: read.kind, moreRecords: read.kind === 'read' && read.page.next !== null }),
  };
}
