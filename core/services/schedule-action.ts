import { scheduleActionOf, type ScheduleOperatorAction } from '../vocabulary/actions.ts';
import type { Actor } from '../contracts/auth.ts';
import type { StoredPreview } from '../contracts/preview.ts';
import type { ScheduleSummary } from '../contracts/schedules.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import { plainText } from '../plain-text.ts';
import { scheduleDrift } from '../problems.ts';
import type { ScheduleSubject } from '../vocabulary/job-selection.ts';
import type { PreviewResponse } from '../vocabulary/wire.ts';
import { actionResource } from './action-resource.ts';
import type { ServiceContext } from './context.ts';
import { sha256Hex } from './preview-token.ts';
import { principalOf } from './principal.ts';
import { findQueue } from './queues.ts';

/** A preview request for an action on one recurring schedule, after validation. */
export interface SchedulePreviewRequest {
  readonly action: ScheduleOperatorAction;
  readonly queue: string;
  readonly selection: ScheduleSubject;
}

/** Stores a plan bound to the operator under a new token (the preview service's `savePreview`). */
export type SavePlan = (principalId: string, planned: Pick<StoredPreview, 'action' | 'queue' | 'selection' | 'plan'>, planHash: string) => Promise<{ token: string; expiresAt: string }>;

const MAX_KEY_LENGTH = 500;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the engine can take this schedule action; the message says so when it cannot. */
export function assertScheduleActionSupported(context: ServiceContext, action: ScheduleOperatorAction): void {
  const engine = context.engine;
  const name = scheduleActionOf(action);
  if (!engine.capabilities.scheduleActions?.includes(name) || typeof engine.applyToSchedule !== 'function' || typeof engine.findSchedule !== 'function') {
    throw new InvalidInputError('action', `The ${engine.name} engine cannot ${name === 'run' ? 'run schedules now' : `${name} schedules`}.`);
  }
}

/** Checks a schedule action's target, `{"queue": "...", "schedule": "<key>"}` (the key may be empty, pg-boss's default). */
export function parseScheduleTarget(context: ServiceContext, action: ScheduleOperatorAction, target: unknown): SchedulePreviewRequest {
  assertScheduleActionSupported(context, action);
  if (!isObject(target) || Object.keys(target).some((key) => key !== 'queue' && key !== 'schedule')) {
    throw new InvalidInputError('target', `target must be {"queue": "...", "schedule": "<key>"}: ${action} acts on one schedule of a queue.`);
  }
  const { queue, schedule } = target;
  if (typeof queue !== 'string' || queue.length === 0 || queue.length > 500) throw new InvalidInputError('target.queue', 'target.queue must be a queue name.');
  plainText('target.queue', queue);
  if (typeof schedule !== 'string' || schedule.length > MAX_KEY_LENGTH) {
    throw new InvalidInputError('target.schedule', `target.schedule must be the schedule's key (a string of at most ${MAX_KEY_LENGTH} characters; empty for a schedule without one).`);
  }
  plainText('target.schedule', schedule);
  return { action, queue, selection: { schedule } };
}

/**
 * What a schedule action's plan is bound to: the action, the queue, the key and what the schedule
 * sends and when (its kind, expression, time zone and data). Not its times of update or last job,
 * which move on with every run, nor its next runs, which move with the clock.
 */
export function schedulePlanHash(action: ScheduleOperatorAction, queue: string, schedule: ScheduleSummary): Promise<string> {
  return sha256Hex(JSON.stringify(['schedule', action, queue, schedule.key, schedule.kind, schedule.expression, schedule.timeZone, schedule.data ?? null]));
}

function scheduleNotFound(queue: string, key: string): NotFoundError {
  return new NotFoundError('Schedule', `Queue ${JSON.stringify(queue)} has no schedule with key ${JSON.stringify(key)}.`);
}

/**
 * A schedule action's preview: the schedule must exist, and the plan is bound to what it sends and
 * when, so an execute after someone changed or removed it is refused. The answer names the
 * schedule (key, expression, time zone, next run) for the dialog to say what will happen; never
 * its data, which the schedules view shows under the display policy.
 */
export async function previewScheduleAction(context: ServiceContext, actor: Actor, request: SchedulePreviewRequest, save: SavePlan): Promise<PreviewResponse> {
  const { action, queue, selection } = request;
  await context.access.require(actor, action, actionResource(queue, selection, 'preview'));
  await findQueue(context, actor, 'queues.view', queue);
  await context.access.require(actor, 'schedules.view', { type: 'console' });
  const schedule = await context.engine.findSchedule!(queue, selection.schedule);
  if (!schedule) throw scheduleNotFound(queue, selection.schedule);
  const principal = await principalOf(context, actor);
  const { token, expiresAt } = await save(principal.id, { action, queue, selection, plan: [] }, await schedulePlanHash(action, queue, schedule));
  const warnings: string[] = [];
  if (action === 'schedule.remove') warnings.push('Removing a schedule cannot be undone here: your application creates schedules, and may create this one again when it next starts.');
  return {
    token, expiresAt, action, queue, count: 1, sample: [], warnings,
    schedule: { key: schedule.key, kind: schedule.kind, expression: schedule.expression, timeZone: schedule.timeZone, nextRun: schedule.nextRuns[0] ?? null },
  };
}

/** Refuses to act on a schedule that went away, or changed what it sends or when, since the preview. */
export async function assertScheduleUnchanged(context: ServiceContext, preview: StoredPreview & { readonly selection: ScheduleSubject }): Promise<void> {
  const schedule = await context.engine.findSchedule!(preview.queue, preview.selection.schedule);
  if (!schedule) throw scheduleDrift(preview.queue, preview.selection.schedule, 'removed');
  const hash = await schedulePlanHash(preview.action as ScheduleOperatorAction, preview.queue, schedule);
  if (hash !== preview.planHash) throw scheduleDrift(preview.queue, preview.selection.schedule, 'changed');
}
