import { isQueueConfigureAction, isQueueOperatorAction, isScheduleOperatorAction, jobActionOf, queueActionOf } from '../vocabulary/actions.ts';
import type { Actor } from '../contracts/auth.ts';
import type { StoredPreview } from '../contracts/preview.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { PreviewResponse } from '../vocabulary/wire.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../telemetry/measure.ts';
import { reportActionError, selectionKindOf } from '../telemetry/operator-action.ts';
import { parsePreviewRequest, type JobsPreviewRequest, type PreviewRequest, type QueuePreviewRequest, type SettingsPreviewRequest } from './action-request.ts';
import { actionResource } from './action-resource.ts';
import type { ServiceContext } from './context.ts';
import { planHash } from './plan.ts';
import { hashPreviewToken, newPreviewToken } from './preview-token.ts';
import { principalOf } from './principal.ts';
import { checkDataFilters } from './jobs.ts';
import { findQueue } from './queues.ts';
import { pausedBefore } from './queue-action.ts';
import { previewScheduleAction, type SchedulePreviewRequest } from './schedule-action.ts';
import { resolveSettingsPreview } from './preview-settings.ts';

const SAMPLE_SIZE = 10;

/**
 * Resolves exactly what an action would change, stores that plan bound to the operator, and hands
 * back a single-use token with the count, a redacted sample and warnings. Nothing changes yet.
 */
export async function previewAction(context: ServiceContext, actor: Actor, body: unknown): Promise<PreviewResponse> {
  const started = startTimer();
  const request = parsePreviewRequest(context, body);
  try {
    const preview = await resolvePreview(context, actor, request);
    emitTelemetry('operator_action', 'previewed',
      { action: request.action, selection: selectionKindOf(request.selection) },
      { duration_ms: millisecondsSince(started), jobs: preview.queueJobs || preview.schedule ? 0 : preview.count });
    return preview;
  } catch (error) {
    reportActionError('preview', request.action, error, started);
    throw error;
  }
}

async function resolvePreview(context: ServiceContext, actor: Actor, request: PreviewRequest): Promise<PreviewResponse> {
  if (isScheduleOperatorAction(request.action)) {
    return previewScheduleAction(context, actor, request as SchedulePreviewRequest, (principalId, planned, hash) => savePreview(context, principalId, planned, hash));
  }
  if (isQueueConfigureAction(request.action)) return resolveSettingsPreview(context, actor, request as SettingsPreviewRequest, savePreview);
  return isQueueOperatorAction(request.action)
    ? resolveQueuePreview(context, actor, request as QueuePreviewRequest)
    : resolveJobsPreview(context, actor, request as JobsPreviewRequest);
}

/**
 * A queue action's preview: the queue must be in the state the action changes (running for a
 * pause, paused for a resume), and the plan is the queue alone. The operator sees how many jobs
 * wait and run, which the action leaves where they are.
 */
async function resolveQueuePreview(context: ServiceContext, actor: Actor, request: QueuePreviewRequest): Promise<PreviewResponse> {
  const { action, queue, selection } = request;
  await context.access.require(actor, action, actionResource(queue, selection, 'preview'));
  const found = await findQueue(context, actor, 'queues.view', queue);
  const name = queueActionOf(action);
  if (found.paused === undefined) throw new InvalidInputError('action', `The ${context.engine.name} engine does not say whether queue ${JSON.stringify(queue)} is paused.`);
  if (found.paused !== pausedBefore(name)) {
    throw new InvalidInputError('target', `Nothing to ${name}: queue ${JSON.stringify(queue)} is ${found.paused ? 'already paused' : 'not paused'}.`);
  }
  const principal = await principalOf(context, actor);
  const [counted] = await context.engine.countJobs([queue]);
  const queueJobs = { queued: counted?.counts.queued ?? 0, active: counted?.counts.active ?? 0 };
  const { token, expiresAt } = await savePreview(context, principal.id, { action, queue, selection, plan: [] });
  return { token, expiresAt, action, queue, count: 1, sample: [], warnings: [], queueJobs };
}

async function resolveJobsPreview(context: ServiceContext, actor: Actor, request: JobsPreviewRequest): Promise<PreviewResponse> {
  const { action, queue, selection } = request;
  await context.access.require(actor, action, actionResource(queue, selection, 'preview'));
  await findQueue(context, actor, 'jobs.view', queue);
  if ('filter' in selection) checkDataFilters(context, actor, queue, selection.filter.data ?? []);
  const principal = await principalOf(context, actor);

  const jobAction = jobActionOf(action);
  const selected = await context.engine.selectForAction(jobAction, queue, selection, context.limits.cap);
  if (selected.missing.length > 0) {
    throw new NotFoundError('Job', `Queue ${JSON.stringify(queue)} has no job with id ${selected.missing.slice(0, 5).map((id) => JSON.stringify(id)).join(', ')}${selected.missing.length > 5 ? ` and ${selected.missing.length - 5} more` : ''}.`);
  }
  const held = selected.held ?? 0;
  if (selected.jobs.length === 0) {
    if (held > 0) throw new InvalidInputError('target', `Nothing to ${jobAction}: ${heldSentence(held, selected.ineligible)}`);
    const states = context.engine.capabilities.actions[jobAction]?.join(', ') ?? '';
    throw new InvalidInputError('target', `Nothing to ${jobAction}: no selected job is in a state this action applies to (${states}).`);
  }

  const warnings: string[] = [];
  if (selected.moreEligible || selected.eligible > selected.jobs.length) {
    const matching = selected.moreEligible ? `At least ${selected.eligible}` : `${selected.eligible}`;
    warnings.push(`${matching} jobs match; this action is capped at ${context.limits.cap} and will touch ${selected.jobs.length} of them. Run it again for the rest.`);
  }
  const otherwise = selected.ineligible - held;
  if (otherwise > 0) {
    warnings.push(`${otherwise} selected job${otherwise === 1 ? ' is' : 's are'} not in a state this action applies to and will be left alone.`);
  }
  if (held > 0) warnings.push(heldSentence(held, selected.ineligible + selected.eligible));
  if (selected.stoppedEarly) {
    warnings.push(`Only the newest jobs of the queue were looked through, to keep this preview's reads bounded; older ones that match are left for another run.`);
  }
  warnings.push(...(selected.warnings ?? []));

  const plan = selected.jobs.map((job) => ({ id: job.id, state: job.state }));
  const { token, expiresAt } = await savePreview(context, principal.id, { action, queue, selection, plan });
  return {
    token,
    expiresAt,
    action,
    queue,
    count: plan.length,
    sample: selected.jobs.slice(0, SAMPLE_SIZE).map((job) => context.presenter.jobSummary(job, actor)),
    warnings,
  };
}

/** Why jobs a live worker holds are left alone, for `held` of `of` selected jobs. */
function heldSentence(held: number, of: number): string {
  const who = held === of ? (held === 1 ? 'The selected job is' : `All ${held} selected jobs are`) : held === 1 ? '1 selected job is' : `${held} selected jobs are`;
  return `${who} running and still held by a live worker, which renews ${held === 1 ? 'its lock' : 'their locks'}, and will be left alone: ` +
    'only a job whose worker let go of it (died, or hangs past its lock) can be taken from it here. The worker finishes or fails it itself.';
}

/** How a preview of any kind stores its plan (see `savePreview`). */
export type SavePreview = typeof savePreview;

/**
 * Stores a plan bound to the operator under a new token, and purges what has expired. The plan's
 * hash is over its jobs (and a change of settings), unless the caller gives one over what else it
 * is bound to (a schedule).
 */
async function savePreview(
  context: ServiceContext,
  principalId: string,
  planned: Pick<StoredPreview, 'action' | 'queue' | 'selection' | 'plan'>,
  boundHash?: string,
): Promise<{ token: string; expiresAt: string }> {
  const { action, queue, plan } = planned;
  const now = context.clock();
  const expiresAt = new Date(now.getTime() + context.limits.tokenTtlSeconds * 1000).toISOString();
  const token = newPreviewToken();
  await context.store.savePreview({
    ...planned,
    tokenHash: await hashPreviewToken(token),
    principalId,
    planHash: boundHash ?? (await planHash(action, queue, plan, planned.selection)),
    createdAt: now.toISOString(),
    expiresAt,
    consumedAt: null,
  });
  try {
    const receiptsBefore = new Date(now.getTime() - context.limits.receiptRetentionSeconds * 1000).toISOString();
    await context.store.purgeExpired(now.toISOString(), receiptsBefore);
  } catch (error) {
    context.logger.warn(`ops-jobs: could not purge expired previews and receipts: ${String(error)}`);
  }
  return { token, expiresAt };
}
