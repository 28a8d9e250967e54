import { isOperatorAction, isQueueConfigureAction, isQueueOperatorAction, isScheduleOperatorAction, jobActionOf, OPERATOR_ACTIONS, queueActionOf, type JobOperatorAction, type OperatorAction, type QueueConfigureAction, type QueueSwitchAction } from '../vocabulary/actions.ts';
import type { QueueSettingValues } from '../vocabulary/queue-settings.ts';
import { isJobState } from '../vocabulary/job-states.ts';
import { WHOLE_QUEUE, type JobSelection, type WholeQueue } from '../vocabulary/job-selection.ts';
import { REASON_MAX_LENGTH } from '../vocabulary/limits.ts';
import { InvalidInputError } from '../errors.ts';
import { dataFiltersFromObject } from './data-filters.ts';
import { plainText } from '../plain-text.ts';
import type { ServiceContext } from './context.ts';
import { parseScheduleTarget, type SchedulePreviewRequest } from './schedule-action.ts';
import { editableSettings, parseSettingValues } from './queue-settings.ts';

/** A preview request for an action on some jobs of a queue, after validation. */
export interface JobsPreviewRequest {
  readonly action: JobOperatorAction;
  readonly queue: string;
  readonly selection: JobSelection;
}

/** A preview request to pause or resume a queue, after validation. */
export interface QueuePreviewRequest {
  readonly action: QueueSwitchAction;
  readonly queue: string;
  readonly selection: WholeQueue;
}

/** A preview request to change a queue's settings, after validation of each value (not yet against the queue). */
export interface SettingsPreviewRequest {
  readonly action: QueueConfigureAction;
  readonly queue: string;
  readonly selection: WholeQueue;
  readonly settings: QueueSettingValues;
}

/** A preview request after validation: an action on some jobs of a queue, or on the queue itself. */
export type PreviewRequest = JobsPreviewRequest | QueuePreviewRequest | SettingsPreviewRequest | SchedulePreviewRequest;

const MAX_ID_LENGTH = 200;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a preview body field by field, naming the first one at fault. */
export function parsePreviewRequest(context: ServiceContext, body: unknown): PreviewRequest {
  if (!isObject(body)) throw new InvalidInputError('body', 'The body must be a JSON object: {"action": "job.retry", "target": {...}}.');
  const { action, target } = body;
  if (!isOperatorAction(action)) {
    throw new InvalidInputError('action', `Unknown action ${JSON.stringify(String(action).slice(0, 40))}. Actions: ${OPERATOR_ACTIONS.join(', ')}.`);
  }
  if (body.settings !== undefined && !isQueueConfigureAction(action)) {
    throw new InvalidInputError('settings', `settings belongs to queue.configure only, not to ${action}.`);
  }
  if (isScheduleOperatorAction(action)) return parseScheduleTarget(context, action, target);
  if (isQueueConfigureAction(action)) {
    const editable = editableSettings(context.engine);
    if (editable.length === 0) throw new InvalidInputError('action', `The ${context.engine.name} engine cannot change queue settings.`);
    if (!isObject(target) || Object.keys(target).some((key) => key !== 'queue')) {
      throw new InvalidInputError('target', `target must be {"queue": "..."}: ${action} acts on the queue itself, not on jobs.`);
    }
    return { action, queue: queueName(target.queue), selection: WHOLE_QUEUE, settings: parseSettingValues(editable, body.settings) };
  }
  if (isQueueOperatorAction(action)) {
    if (!context.engine.capabilities.queueActions?.includes(queueActionOf(action)) || typeof context.engine.applyToQueue !== 'function') {
      throw new InvalidInputError('action', `The ${context.engine.name} engine cannot ${queueActionOf(action)} queues.`);
    }
    if (!isObject(target) || Object.keys(target).some((key) => key !== 'queue')) {
      throw new InvalidInputError('target', `target must be {"queue": "..."}: ${action} acts on the queue itself, not on jobs.`);
    }
    return { action, queue: queueName(target.queue), selection: WHOLE_QUEUE };
  }
  if (!context.engine.capabilities.actions[jobActionOf(action)]) {
    throw new InvalidInputError('action', `The ${context.engine.name} engine cannot ${jobActionOf(action)} jobs.`);
  }
  if (!isObject(target)) throw new InvalidInputError('target', 'target must be an object: {"queue": "...", "ids": [...]} or {"queue": "...", "filter": {"state": "failed"}}.');
  const { ids, filter } = target;
  const queue = queueName(target.queue);
  if ((ids === undefined) === (filter === undefined)) {
    throw new InvalidInputError('target', 'target needs exactly one of ids (selected jobs) or filter (every job matching it).');
  }
  if (ids !== undefined) {
    if (!Array.isArray(ids) || ids.length === 0) throw new InvalidInputError('target.ids', 'target.ids must be a non-empty array of job ids.');
    if (ids.length > context.limits.cap) {
      throw new InvalidInputError('target.ids', `At most ${context.limits.cap} jobs can be selected for one action; ${ids.length} were.`);
    }
    if (!ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH)) {
      throw new InvalidInputError('target.ids', 'Every entry of target.ids must be a job id (a non-empty string).');
    }
    for (const id of ids as string[]) plainText('target.ids', id);
    return { action, queue, selection: { ids: [...new Set(ids as string[])] } };
  }
  if (!isObject(filter) || !isJobState(filter.state) || Object.keys(filter).some((key) => key !== 'state' && key !== 'data')) {
    throw new InvalidInputError('target.filter', 'target.filter must be {"state": "<job state>"} with, optionally, "data": {"<field>": "<value>"}.');
  }
  if (!context.engine.capabilities.states.includes(filter.state)) {
    throw new InvalidInputError('target.filter.state', `This engine has no state ${JSON.stringify(filter.state)}.`);
  }
  const data = dataFiltersFromObject(filter.data, 'target.filter.data');
  return { action, queue, selection: { filter: data.length > 0 ? { state: filter.state, data } : { state: filter.state } } };
}

function queueName(queue: unknown): string {
  if (typeof queue !== 'string' || queue.length === 0 || queue.length > 500) throw new InvalidInputError('target.queue', 'target.queue must be a queue name.');
  plainText('target.queue', queue);
  return queue;
}

/** Checks an execute body. The reason's length is checked against the configured minimum. */
export function parseExecuteRequest(context: ServiceContext, body: unknown): { token: unknown; reason: string } {
  if (!isObject(body)) throw new InvalidInputError('body', 'The body must be a JSON object: {"token": "...", "reason": "..."}.');
  const reason = typeof body.reason === 'string' ? plainText('reason', body.reason, { lines: true }).trim() : '';
  if (reason.length < context.limits.reasonMinLength) {
    throw new InvalidInputError('reason', `Say why you are doing this, in at least ${context.limits.reasonMinLength} characters; it goes into the audit log.`);
  }
  if (reason.length > REASON_MAX_LENGTH) throw new InvalidInputError('reason', `The reason is limited to ${REASON_MAX_LENGTH.toLocaleString('en')} characters.`);
  return { token: body.token, reason };
}
