import { isQueueConfigureAction, isQueueOperatorAction, isScheduleOperatorAction, jobActionOf, OPERATOR_ACTIONS, queueActionOf, scheduleActionOf, type JobOperatorAction, type QueueSwitchAction, type ScheduleOperatorAction } from '../vocabulary/actions.ts';
import { isScheduleSubject, isWholeQueue, type ScheduleSubject } from '../vocabulary/job-selection.ts';
import type { Actor, AuditPrincipal } from '../contracts/auth.ts';
import type { RefusedOutcome } from '../vocabulary/audit-outcomes.ts';
import type { StoredPreview } from '../contracts/preview.ts';
import type { Incident } from '../contracts/incidents.ts';
import type { ScheduleActionResult } from '../contracts/engine.ts';
import { IdempotencyConflict, type StoreTransaction } from '../contracts/store.ts';
import { ConflictError, ForbiddenError, InvalidInputError, PartlyAppliedError, ProblemError } from '../errors.ts';
import { idempotencyKeyReused, previewExpired, previewNotFound, previewOfAnotherOperator, previewUsed, queueDrift, settingsDrift } from '../problems.ts';
import { PROBLEM_TYPES, type ProblemType } from '../vocabulary/problem-types.ts';
import type { ExecuteResponse } from '../vocabulary/wire.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { millisecondsSince, startTimer } from '../telemetry/measure.ts';
import { reportActionError, selectionKindOf } from '../telemetry/operator-action.ts';
import { parseExecuteRequest } from './action-request.ts';
import { actionResource } from './action-resource.ts';
import type { ServiceContext } from './context.ts';
import { assertNoDrift, requestedOf } from './plan.ts';
import { pausedBefore } from './queue-action.ts';
import { assertScheduleActionSupported, assertScheduleUnchanged } from './schedule-action.ts';
import { hashPreviewToken, looksLikePreviewToken, sha256Hex } from './preview-token.ts';
import { principalOf } from './principal.ts';
import { driftedSettings, editableSettings, valuesOf } from './queue-settings.ts';

/** What an execute request answers: a fresh result, or the first result replayed for its idempotency key. */
export interface ExecuteResult {
  readonly status: number;
  readonly body: ExecuteResponse;
  readonly replayed: boolean;
}

export interface ExecuteOptions {
  readonly idempotencyKey: string | null;
  readonly correlationId: string;
}

/** What makes two execute requests the same: the preview's token and the reason, hashed. */
function requestFingerprint(token: unknown, reason: string): Promise<string> {
  return sha256Hex(`ops-jobs execute request\n${JSON.stringify([String(token), reason])}`);
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Executes a previewed plan: authorizes again, requires a reason, consumes the token exactly once,
 * refuses a plan that drifted, runs the engine action and writes the audit record, together in
 * one transaction where the engine shares the store's database.
 */
export async function executeAction(context: ServiceContext, actor: Actor, body: unknown, options: ExecuteOptions): Promise<ExecuteResult> {
  const started = startTimer();
  // The preview, once found, so that telemetry can name the action whatever happens next.
  const found: { preview?: StoredPreview } = {};
  try {
    const result = await execute(context, actor, body, options, found);
    if (result.replayed) {
      emitTelemetry('operator_action', 'replayed', {});
    } else if (found.preview) {
      emitTelemetry('operator_action', 'executed',
        { action: found.preview.action, selection: selectionKindOf(found.preview.selection) },
        { duration_ms: millisecondsSince(started), jobs: isWholeQueue(found.preview.selection) || isScheduleSubject(found.preview.selection) ? 0 : result.body.affected });
    }
    return result;
  } catch (error) {
    reportActionError('execute', found.preview?.action ?? 'unknown', error, started);
    throw error;
  }
}

async function execute(context: ServiceContext, actor: Actor, body: unknown, options: ExecuteOptions, found: { preview?: StoredPreview }): Promise<ExecuteResult> {
  const { token, reason } = parseExecuteRequest(context, body);
  const { idempotencyKey } = options;
  if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new InvalidInputError('Idempotency-Key', 'The Idempotency-Key header must be 1 to 200 visible ASCII characters.');
  }
  const principal = await principalOf(context, actor);
  const fingerprint = await requestFingerprint(token, reason);
  const replay = async () => {
    const receipt = idempotencyKey === null ? null : await context.store.findReceipt(principal.id, idempotencyKey);
    if (!receipt) return null;
    if (receipt.fingerprint !== '' && receipt.fingerprint !== fingerprint) throw idempotencyKeyReused();
    return { status: receipt.status, body: receipt.body as ExecuteResponse, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  try {
    const preview = await findPreview(context, token).catch(async (error: unknown) => {
      // Without a preview there is no resource to ask about: an operator who may not execute
      // anything hears that, not whether the token exists.
      if (!(await maySomeday(context, actor))) throw new ForbiddenError('an operator action', 'You may not execute operator actions.');
      throw error;
    });
    found.preview = preview;
    assertUsable(context, preview, principal);
    await context.access.require(actor, preview.action, actionResource(preview.queue, preview.selection, 'execute'));
    return await run(context, preview, principal, reason, { ...options, fingerprint });
  } catch (error) {
    // A concurrent request with the same key may have won; answer with its result.
    if (error instanceof IdempotencyConflict || (error instanceof ConflictError && error.type === PROBLEM_TYPES.previewUsed)) {
      const winner = await replay();
      if (winner) return winner;
    }
    const outcome = attemptOutcome(context, error, found.preview);
    if (found.preview && outcome) {
      await context.attempts.record({ preview: found.preview, principal, outcome, reason, correlationId: options.correlationId });
    }
    throw error;
  }
}

/** Problems that refuse an execute, by problem type, as the audit log records them. */
const REFUSED: Readonly<Partial<Record<ProblemType, RefusedOutcome>>> = Object.freeze({
  [PROBLEM_TYPES.forbidden]: 'denied',
  [PROBLEM_TYPES.previewOtherOperator]: 'denied',
  [PROBLEM_TYPES.previewExpired]: 'expired',
  [PROBLEM_TYPES.previewUsed]: 'already_used',
  [PROBLEM_TYPES.planDrift]: 'drifted',
});

/**
 * How the audit log records an execute that ended in `error`, or undefined for one it does not
 * (bad input, an unknown preview). A failure is recorded here only where the action's transaction
 * rolled back with it: on other engines the intent record already says how it ended.
 */
function attemptOutcome(context: ServiceContext, error: unknown, preview: StoredPreview | undefined): RefusedOutcome | 'failed' | undefined {
  if (error instanceof ProblemError) return REFUSED[error.type];
  // A queue or schedule action never shares the store's transaction: its intent says how it ended.
  return context.engine.capabilities.sharedTransactions && !isQueueOperatorAction(preview?.action) && !isScheduleOperatorAction(preview?.action) ? 'failed' : undefined;
}

/** Whether the host allows `actor` to execute any operator action at all, asked of the console as a whole. */
async function maySomeday(context: ServiceContext, actor: Actor): Promise<boolean> {
  const verdicts = await Promise.all(OPERATOR_ACTIONS.map((action) => context.access.check(actor, action, { type: 'console', phase: 'execute' })));
  return verdicts.some((verdict) => verdict.allowed);
}

async function findPreview(context: ServiceContext, token: unknown): Promise<StoredPreview> {
  if (!looksLikePreviewToken(token)) throw new InvalidInputError('token', 'token must be the token a preview returned.');
  const preview = await context.store.findPreview(await hashPreviewToken(token));
  if (!preview) throw previewNotFound();
  return preview;
}

/** Refuses a preview that is not this operator's, already used, or expired. */
function assertUsable(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal): void {
  if (preview.principalId !== principal.id) {
    throw previewOfAnotherOperator();
  }
  if (preview.consumedAt !== null) throw previewUsed();
  if (context.clock().getTime() >= Date.parse(preview.expiresAt)) {
    throw previewExpired();
  }
}

type RunOptions = ExecuteOptions & { readonly fingerprint: string };

/** The audit record of an executed plan, succeeded with `affected`. */
function recordOf(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions, affected: number) {
  return {
    occurredAt: context.clock().toISOString(),
    principal,
    action: preview.action,
    resource: { queue: preview.queue, selection: preview.selection, ids: preview.plan.map((entry) => entry.id) },
    requested: requestedOf(preview),
    affected,
    outcome: 'succeeded' as const,
    reason,
    planHash: preview.planHash,
    correlationId: options.correlationId,
  };
}

/** The answer to an execute that acted, kept as the idempotency key's receipt in `tx` when there is a key. */
async function finish(context: ServiceContext, principal: AuditPrincipal, options: RunOptions, tx: StoreTransaction, auditId: string, affected: number): Promise<ExecuteResult> {
  const result = { status: 200, body: { outcome: 'succeeded' as const, affected, auditId }, replayed: false };
  if (options.idempotencyKey !== null) {
    await tx.saveReceipt({
      principalId: principal.id, key: options.idempotencyKey, fingerprint: options.fingerprint,
      status: result.status, body: result.body, createdAt: context.clock().toISOString(),
    });
  }
  return result;
}

async function run(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions): Promise<ExecuteResult> {
  const { action: operatorAction } = preview;
  if (isQueueConfigureAction(operatorAction)) return runConfigure(context, preview, principal, reason, options);
  if (isQueueOperatorAction(operatorAction)) return runOnQueue(context, preview, principal, reason, options);
  if (isScheduleOperatorAction(operatorAction)) return runOnSchedule(context, preview, principal, reason, options);
  const { engine, store } = context;
  const action = jobActionOf(operatorAction as JobOperatorAction);
  const ids = preview.plan.map((entry) => entry.id);

  await engine.prepare?.(action, preview.queue);
  const repaired: Incident[] = [];
  if (engine.capabilities.sharedTransactions) {
    return store.transaction(async (tx) => {
      if (!(await tx.consumePreview(preview.tokenHash, context.clock().toISOString()))) throw previewUsed();
      assertNoDrift(preview.plan, await engine.statesOf(preview.queue, ids, tx.sql));
      const affected = await engine.apply(action, preview.queue, ids, tx.sql);
      const audit = await tx.appendAudit(recordOf(context, preview, principal, reason, options, affected));
      // The stuck jobs' incidents end with the action that repaired them, or not at all.
      repaired.push(...(affected > 0 ? await tx.resolveJobIncidents?.(preview.queue, ids, context.clock().toISOString()) ?? [] : []));
      // Sent when this transaction commits, so other processes hear of the action exactly when
      // it happened, and never of one that rolled back.
      await context.feed.shareAction(audit.id, tx);
      return finish(context, principal, options, tx, audit.id, affected);
    }).then(async (result) => {
      await tellRepaired(context, preview, principal, result, repaired);
      return announce(context, preview, principal, result);
    });
  }

  // The engine cannot join the store's transaction.
  const result = await throughIntent(context, preview, principal, reason, options,
    async () => assertNoDrift(preview.plan, await engine.statesOf(preview.queue, ids)),
    () => engine.apply(action, preview.queue, ids));
  if (result.body.affected > 0) {
    // The engine kept no transaction with the store: the incidents end once the action has.
    const ended = await store.transaction(async (tx) => await tx.resolveJobIncidents?.(preview.queue, ids, context.clock().toISOString()) ?? [])
      .catch((error: unknown) => {
        context.logger.error('ops-jobs: the incidents of repaired jobs could not be resolved; the next diagnosis pass will', error);
        return [];
      });
    await tellRepaired(context, preview, principal, result, ended);
  }
  return result;
}

/** Counts the incidents an action resolved and tells the host's `onRepair`, after the commit. */
async function tellRepaired(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, result: ExecuteResult, incidents: readonly Incident[]): Promise<void> {
  if (incidents.length === 0) return;
  await context.incidents.repaired(incidents, { action: preview.action, auditId: result.body.auditId, principalLabel: principal.label });
}

/**
 * Records the outcome of an intent whose action succeeded, with the jobs it made, keeps the
 * receipt, and tells the consoles.
 */
async function complete(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, options: RunOptions, intentId: string, outcome: ActOutcome): Promise<ExecuteResult> {
  const { store } = context;
  const { affected, made } = outcome;
  await store.completeIntent(intentId, 'succeeded', affected, context.clock().toISOString(), made);
  const result = await store.transaction((tx) => finish(context, principal, options, tx, intentId, affected));
  // The action has happened and is audited: a notice that cannot be sent is logged, not an error.
  await context.feed.shareAction(intentId).catch((error: unknown) => context.logger.error('ops-jobs: other processes could not be told of an executed action', error));
  return announce(context, preview, principal, result, made);
}

/**
 * A queue action: Redis (or any engine's queue state) cannot join the store's transaction, so the
 * intent is recorded first, with the check that the queue is still as previewed (running for a
 * pause, paused for a resume); the outcome follows the engine's answer.
 */
async function runOnQueue(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions): Promise<ExecuteResult> {
  const { engine, store } = context;
  const action = queueActionOf(preview.action as QueueSwitchAction);
  if (!engine.applyToQueue || !engine.capabilities.queueActions?.includes(action)) {
    throw new InvalidInputError('action', `The ${engine.name} engine cannot ${action} queues.`);
  }
  const applyToQueue = engine.applyToQueue.bind(engine);
  return throughIntent(context, preview, principal, reason, options,
    async () => {
      if ((await engine.findQueue(preview.queue))?.paused !== pausedBefore(action)) throw queueDrift(preview.queue);
    },
    async () => ((await applyToQueue(action, preview.queue)) ? 1 : 0));
}

/**
 * A change of settings: like a pause, it cannot join the store's transaction, so the intent is
 * recorded first (with every changed setting's value before and after, in its resource), once the
 * queue is found to hold still the values it was previewed with; the outcome follows the engine's
 * answer.
 */
async function runConfigure(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions): Promise<ExecuteResult> {
  const { engine, store } = context;
  const changes = isWholeQueue(preview.selection) ? preview.selection.settings ?? [] : [];
  if (!engine.configureQueue || editableSettings(engine).length === 0) {
    throw new InvalidInputError('action', `The ${engine.name} engine cannot change queue settings.`);
  }
  // Read before the transaction opens: an engine may read through its own connection (pg-boss on
  // PGlite has one), which would wait on the transaction. The intent is only written once the queue
  // holds still the values it was previewed with and a new dead letter queue still exists.
  const queue = await engine.findQueue(preview.queue);
  const drifted = queue ? driftedSettings(queue, changes) : null;
  if (drifted === null || drifted.length > 0) throw settingsDrift(preview.queue, drifted ?? []);
  for (const change of changes) {
    if (typeof change.after === 'string' && !(await engine.findQueue(change.after))) throw settingsDrift(preview.queue, [change.setting]);
  }
  const configureQueue = engine.configureQueue.bind(engine);
  return throughIntent(context, preview, principal, reason, options, null, async () => {
    await configureQueue(preview.queue, valuesOf(changes));
    return 1;
  });
}

/**
 * A schedule action: like a queue action, its intent is recorded first, once the schedule was
 * found still as previewed (there, sending the same data on the same timetable); the outcome
 * follows the engine's answer (1: the job made or the schedule removed; 0: it was gone), and the
 * record names the job a run made when the engine does.
 */
async function runOnSchedule(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions): Promise<ExecuteResult> {
  const { engine, store } = context;
  const operatorAction = preview.action as ScheduleOperatorAction;
  assertScheduleActionSupported(context, operatorAction);
  if (!isScheduleSubject(preview.selection)) throw new InvalidInputError('token', 'This preview is not of a schedule action.');
  const scheduled = preview as StoredPreview & { readonly selection: ScheduleSubject };
  // Read before the transaction opens: an engine reads its schedules through its own connection,
  // which may be the very one the transaction holds (pg-boss and the store on one PGlite).
  await assertScheduleUnchanged(context, scheduled);
  return throughIntent(context, preview, principal, reason, options, null,
    async () => outcomeOfSchedule(await engine.applyToSchedule!(scheduleActionOf(operatorAction), preview.queue, scheduled.selection.schedule)));
}

/** What an action run through an intent did: how many changes, and the jobs it made, known only once it ran. */
interface ActOutcome {
  readonly affected: number;
  readonly made: readonly string[];
}

/** The engine's answer to a schedule action as an outcome: a job named, or a yes or no. */
function outcomeOfSchedule(answer: ScheduleActionResult): ActOutcome {
  if (typeof answer === 'object' && answer !== null) return { affected: 1, made: [answer.jobId] };
  return { affected: answer ? 1 : 0, made: [] };
}

/**
 * Runs an action the engine cannot take inside the store's transaction: the intent is recorded
 * first (the preview consumed, and `check` passed, in that transaction), so that a crash between the
 * action and its outcome leaves a visible pending record rather than nothing; then `act`, whose
 * count of changes (with the jobs it made, if it says) is the outcome, or whose failure is.
 */
async function throughIntent(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, reason: string, options: RunOptions, check: (() => Promise<void>) | null, act: () => Promise<number | ActOutcome>): Promise<ExecuteResult> {
  const { store } = context;
  const intent = await store.transaction(async (tx) => {
    if (!(await tx.consumePreview(preview.tokenHash, context.clock().toISOString()))) throw previewUsed();
    await check?.();
    return tx.appendAudit({ ...recordOf(context, preview, principal, reason, options, 0), affected: null, outcome: 'pending', completedAt: null });
  });
  let outcome: ActOutcome;
  try {
    const done = await act();
    outcome = typeof done === 'number' ? { affected: done, made: [] } : done;
  } catch (error) {
    await store.completeIntent(intent.id, 'failed', error instanceof PartlyAppliedError ? error.affected : 0, context.clock().toISOString());
    throw error;
  }
  return complete(context, preview, principal, options, intent.id, outcome);
}

/** Tells this process's open consoles, once the action is committed, of the jobs it acted on or made. */
function announce(context: ServiceContext, preview: StoredPreview, principal: AuditPrincipal, result: ExecuteResult, made: readonly string[] = []): ExecuteResult {
  context.feed.publish({
    kind: 'action',
    action: preview.action,
    queue: preview.queue,
    affected: result.body.affected,
    auditId: result.body.auditId,
    principalLabel: principal.label,
    jobIds: [...preview.plan.map((entry) => entry.id), ...made],
  });
  return result;
}
