import { jobActionOf } from '../vocabulary/actions.ts';
import type { Actor } from '../contracts/auth.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { PreviewResponse } from '../vocabulary/wire.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../telemetry/measure.ts';
import { reportActionError, selectionKindOf } from '../telemetry/operator-action.ts';
import { parsePreviewRequest, type PreviewRequest } from './action-request.ts';
import { actionResource } from './action-resource.ts';
import type { ServiceContext } from './context.ts';
import { planHash } from './plan.ts';
import { hashPreviewToken, newPreviewToken } from './preview-token.ts';
import { principalOf } from './principal.ts';
import { checkDataFilters } from './jobs.ts';
import { findQueue } from './queues.ts';

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
      { duration_ms: millisecondsSince(started), jobs: preview.count });
    return preview;
  } catch (error) {
    reportActionError('preview', request.action, error, started);
    throw error;
  }
}

async function resolvePreview(context: ServiceContext, actor: Actor, request: PreviewRequest): Promise<PreviewResponse> {
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
  if (selected.jobs.length === 0) {
    const states = context.engine.capabilities.actions[jobAction]?.join(', ') ?? '';
    throw new InvalidInputError('target', `Nothing to ${jobAction}: no selected job is in a state this action applies to (${states}).`);
  }

  const warnings: string[] = [];
  if (selected.moreEligible || selected.eligible > selected.jobs.length) {
    const matching = selected.moreEligible ? `At least ${selected.eligible}` : `${selected.eligible}`;
    warnings.push(`${matching} jobs match; this action is capped at ${context.limits.cap} and will touch ${selected.jobs.length} of them. Run it again for the rest.`);
  }
  if (selected.ineligible > 0) {
    warnings.push(`${selected.ineligible} selected job${selected.ineligible === 1 ? ' is' : 's are'} not in a state this action applies to and will be left alone.`);
  }
  if (selected.stoppedEarly) {
    warnings.push(`Only the newest jobs of the queue were looked through, to keep this preview's reads bounded; older ones that match are left for another run.`);
  }
  warnings.push(...(selected.warnings ?? []));

  const plan = selected.jobs.map((job) => ({ id: job.id, state: job.state }));
  const now = context.clock();
  const expiresAt = new Date(now.getTime() + context.limits.tokenTtlSeconds * 1000).toISOString();
  const token = newPreviewToken();
  await context.store.savePreview({
    tokenHash: await hashPreviewToken(token),
    principalId: principal.id,
    action,
    queue,
    selection,
    plan,
    planHash: await planHash(action, queue, plan),
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
