import type { Actor } from '../contracts/auth.ts';
import type { DisplayKind, DisplayPolicy } from '../contracts/display-policy.ts';
import type { JobDetail, JobSummary, QueueInfo } from '../contracts/jobs.ts';
import type { ScheduleSummary } from '../contracts/schedules.ts';
import type { AuditRecord } from '../contracts/audit.ts';
import { MAX_SUMMARY_VALUE_LENGTH, type DataFilter } from '../vocabulary/data-filter.ts';
import { InvalidInputError } from '../errors.ts';
import type { JobValuePart } from '../vocabulary/job-value-parts.ts';
import type { AuditRecordResponse, JobDetailResponse, JobSummaryResponse, QueueResponse, ScheduleResponse, Shown } from '../vocabulary/wire.ts';
import { cutStack } from './cut-stack.ts';
import type { Logger } from '../options.ts';
import { inertText } from '../plain-text.ts';
import { PENDING_OUTCOME_NOTE, PENDING_QUEUE_OUTCOME_NOTE, PENDING_SCHEDULE_OUTCOME_NOTE } from '../vocabulary/audit-outcomes.ts';

/** Values whose JSON text is longer than this are sent as a preview (or cut), never whole, unless asked for whole. */
export const MAX_VALUE_BYTES = 256 * 1024;
/** The characters of a truncated value's JSON text sent as its preview: about what the console renders first. */
export const PREVIEW_CHARACTERS = 16_384;
const HIDDEN: Shown = Object.freeze({ hidden: true });
const utf8 = new TextEncoder();

/**
 * The one place where the display policy is applied. Every value that leaves the server and may
 * carry host data goes through here. Deny by default: anything but an explicit `{ show }` answer,
 * including a policy that throws, hides the value; a policy that returns a promise fails the
 * request rather than hiding everything unnoticed.
 */
export interface Presenter {
  /** A value as the policy shows it; too large, it is cut or previewed unless `whole` is asked for. */
  value(kind: DisplayKind, value: unknown, context: PresentContext, options?: { readonly whole?: boolean }): Shown;
  actorLabel(label: string, actor: Actor): string | null;
  queue(queue: QueueInfo): QueueResponse;
  /**
   * A job's row. With `fields` (searchable fields, checked by the caller), the values of them the
   * engine read (`job.fields`) as the policy shows the job's data; without, no payload value.
   */
  jobSummary(job: JobSummary, actor: Actor, fields?: readonly string[]): JobSummaryResponse;
  jobDetail(job: JobDetail, actor: Actor): JobDetailResponse;
  /** One part of a job, whole, as the policy shows it. */
  jobValue(job: JobDetail, part: JobValuePart, actor: Actor): Shown;
  schedule(schedule: ScheduleSummary, actor: Actor): ScheduleResponse;
  auditRecord(record: AuditRecord, actor: Actor): AuditRecordResponse;
  /**
   * Refuses payload conditions on fields the policy does not mark searchable, naming the field and
   * never the value, so that a filter cannot probe hidden values.
   */
  assertSearchable(filters: readonly DataFilter[], context: PresentContext): void;
  /**
   * The fields the policy lists (`searchableFields`) that it marks searchable for this operator
   * (and queue, when given), in the policy's order: what the console offers to filter on.
   */
  searchableFields(context: PresentContext): string[];
}

export interface PresentContext {
  readonly actor: Actor;
  readonly queue?: string;
  readonly jobId?: string;
}

/**
 * A promise cannot be read as a decision, and reading it as "hide" would blank every value without
 * a word; so the request fails instead, and the message says how to fix the policy.
 */
function refusePromise(method: 'display' | 'searchable', answer: unknown): void {
  if (answer === null || (typeof answer !== 'object' && typeof answer !== 'function')) return;
  const then = (answer as { then?: unknown }).then;
  if (typeof then !== 'function') return;
  // Nobody will await it: keep a rejection from surfacing as an unhandled one.
  (then as (resolve: unknown, reject: (error: unknown) => void) => unknown).call(answer, undefined, () => {});
  throw new Error(`ops-jobs: displayPolicy.${method} returned a promise; it must answer synchronously. ` +
    'Load what the policy needs in auth.currentActor (which may be async) and read it from context.actor.');
}

export function createPresenter(policy: DisplayPolicy, logger: Logger): Presenter {
  function decide(kind: DisplayKind, value: unknown, context: PresentContext): { shown: boolean; value?: unknown } {
    let decision: unknown;
    try {
      decision = policy.display(kind, value, context);
    } catch (error) {
      logger.error(`ops-jobs: the display policy threw for kind ${kind}; the value is hidden`, error);
      return { shown: false };
    }
    refusePromise('display', decision);
    if (decision && typeof decision === 'object' && 'show' in decision) return { shown: true, value: decision.show };
    return { shown: false };
  }

  // The policy decides on the whole value first: only what it shows is measured and cut.
  function value(kind: DisplayKind, raw: unknown, context: PresentContext, options: { readonly whole?: boolean } = {}): Shown {
    const decision = decide(kind, raw, context);
    if (!decision.shown) return HIDDEN;
    const shown = decision.value ?? null;
    if (options.whole) return { value: shown };
    const text = JSON.stringify(shown);
    // A UTF-8 byte is at most one character: a text this short cannot be over the limit.
    if (text.length <= MAX_VALUE_BYTES / 3) return { value: shown };
    const bytes = utf8.encode(text).length;
    if (bytes <= MAX_VALUE_BYTES) return { value: shown };
    if (kind === 'job_error') {
      const cut = cutStack(shown, MAX_VALUE_BYTES);
      if (cut) return { value: cut.value, cut: { bytes, stackLines: cut.stackLines } };
    }
    return { truncated: true, bytes, preview: text.slice(0, PREVIEW_CHARACTERS) };
  }

  function errorValue(job: JobDetail, context: PresentContext, whole: boolean): Shown {
    return job.error === null ? { value: null } : value('job_error', job.error, context, { whole });
  }

  function errorMessage(job: JobSummary, actor: Actor): string | null {
    if (job.errorMessage === null) return null;
    const decision = decide('job_error', { message: job.errorMessage }, { actor, queue: job.queue, jobId: job.id });
    const shown = decision.value as { message?: unknown } | undefined;
    return decision.shown && typeof shown?.message === 'string' ? shown.message : null;
  }

  /**
   * The values read at `fields`, put back in their places in an object, through the policy as the
   * job's data, and read out again: a key the policy hides or redacts shows as it decides, and a
   * value it does not show as text, number or boolean is left out.
   */
  function summaryValues(job: JobSummary, actor: Actor, fields: readonly string[]): Record<string, string> | undefined {
    const read = job.fields;
    if (!read || fields.length === 0) return undefined;
    const partial: Record<string, unknown> = {};
    for (const field of fields) {
      if (typeof read[field] !== 'string') continue;
      const path = field.split('.');
      let at = partial;
      for (const segment of path.slice(0, -1)) at = (at[segment] ??= {}) as Record<string, unknown>;
      at[path.at(-1)!] = read[field];
    }
    const decision = decide('job_data', partial, { actor, queue: job.queue, jobId: job.id });
    if (!decision.shown) return undefined;
    const shown: Record<string, string> = {};
    for (const field of fields) {
      let value: unknown = decision.value;
      for (const segment of field.split('.')) value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') shown[field] = inertText(String(value)).slice(0, MAX_SUMMARY_VALUE_LENGTH);
    }
    return Object.keys(shown).length > 0 ? shown : undefined;
  }

  function jobSummary(job: JobSummary, actor: Actor, fields: readonly string[] = []): JobSummaryResponse {
    const values = summaryValues(job, actor, fields);
    return {
      id: job.id,
      queue: job.queue,
      state: job.state,
      priority: job.priority,
      attempts: { made: job.attempts.made, max: job.attempts.max },
      createdAt: job.createdAt,
      runAfter: job.runAfter,
      startedAt: job.startedAt,
      finishedAt: job.finishedAt,
      errorMessage: errorMessage(job, actor),
      ...(job.deadLetteredFrom ? { deadLetteredFrom: { queue: job.deadLetteredFrom.queue } } : {}),
      ...(values ? { fields: values } : {}),
    };
  }

  function isSearchable(field: string, context: PresentContext): boolean {
    let answer: unknown = false;
    try {
      answer = policy.searchable?.(field, context);
    } catch (error) {
      logger.error(`ops-jobs: the display policy's searchable() threw for ${field}; not searchable`, error);
    }
    refusePromise('searchable', answer);
    return answer === true;
  }

  // Free text from operators and hosts, shown inert wherever it goes: API, live events, exports.
  function text(kind: 'actor_label' | 'reason', raw: string, actor: Actor): string | null {
    const decision = decide(kind, raw, { actor });
    return decision.shown && typeof decision.value === 'string' ? inertText(decision.value) : null;
  }

  return {
    value,
    actorLabel: (label, actor) => text('actor_label', label, actor),
    queue(queue) {
      return {
        name: queue.name,
        counts: { ...queue.counts },
        total: queue.total,
        stale: { ...queue.stale },
        deadLetterQueue: queue.deadLetterQueue,
        ...(queue.deadLetterFor ? { deadLetterFor: [...queue.deadLetterFor] } : {}),
        settings: { ...queue.settings },
        ...(queue.paused === undefined ? {} : { paused: queue.paused }),
      };
    },
    jobSummary,
    jobDetail(job, actor) {
      const context = { actor, queue: job.queue, jobId: job.id };
      return {
        ...jobSummary(job, actor),
        data: value('job_data', job.data, context),
        output: value('job_output', job.output, context),
        error: errorValue(job, context, false),
        options: value('job_options', job.options, context),
        timings: { ...job.timings },
        deadLetteredFrom: job.deadLetteredFrom,
        // Progress and log lines are written by the job as it runs, like its output, and may carry
        // the same data: the policy decides on them as output.
        ...(job.progress === undefined ? {} : { progress: value('job_output', job.progress, context) }),
        ...(job.logs ? { logs: { lines: value('job_output', [...job.logs.lines], context), total: job.logs.total } } : {}),
        ...(job.family ? { family: { parent: job.family.parent, children: { ...job.family.children, sample: [...job.family.children.sample] } } } : {}),
      };
    },
    jobValue(job, part, actor) {
      const context = { actor, queue: job.queue, jobId: job.id };
      if (part === 'error') return errorValue(job, context, true);
      const kind = part === 'data' ? 'job_data' : part === 'output' ? 'job_output' : 'job_options';
      return value(kind, job[part], context, { whole: true });
    },
    schedule(schedule, actor) {
      return {
        queue: schedule.queue,
        key: schedule.key,
        kind: schedule.kind,
        expression: schedule.expression,
        timeZone: schedule.timeZone,
        data: value('schedule_data', schedule.data, { actor, queue: schedule.queue }),
        createdAt: schedule.createdAt,
        updatedAt: schedule.updatedAt,
        nextRuns: [...schedule.nextRuns],
        lastJob: schedule.lastJob && {
          id: schedule.lastJob.id, state: schedule.lastJob.state,
          ...(schedule.lastJob.createdAt === undefined ? {} : { createdAt: schedule.lastJob.createdAt }),
        },
        ...(schedule.missedRunAt === undefined ? {} : { missedRunAt: schedule.missedRunAt }),
      };
    },
    searchableFields(context) {
      const listed = Array.isArray(policy.searchableFields) ? policy.searchableFields : [];
      return [...new Set(listed)].filter((field) => isSearchable(field, context));
    },
    assertSearchable(filters, context) {
      for (const { field } of filters) {
        if (!isSearchable(field, context)) {
          throw new InvalidInputError(`data.${field}`, `Jobs cannot be filtered on data.${field}: the display policy does not mark that field searchable.`);
        }
      }
    },
    auditRecord(record, actor) {
      return {
        id: record.id,
        occurredAt: record.occurredAt,
        completedAt: record.completedAt,
        principal: { id: record.principal.id, type: record.principal.type, label: text('actor_label', record.principal.label, actor) },
        action: record.action,
        resource: record.resource && { queue: record.resource.queue, selection: record.resource.selection, ids: [...record.resource.ids] },
        requested: record.requested,
        affected: record.affected,
        outcome: record.outcome,
        reason: text('reason', record.reason, actor),
        planHash: record.planHash,
        correlationId: record.correlationId,
        ...(record.outcome === 'pending'
          ? { outcomeNote: pendingNoteOf(record) }
          : {}),
      };
    },
  };
}

/** What to check about an open intent: the jobs it lists, the queue it paused or resumed, or the schedule it ran or removed. */
function pendingNoteOf(record: AuditRecord): string {
  const selection = record.resource?.selection;
  if (selection && 'schedule' in selection) return PENDING_SCHEDULE_OUTCOME_NOTE;
  return selection && 'whole' in selection ? PENDING_QUEUE_OUTCOME_NOTE : PENDING_OUTCOME_NOTE;
}
