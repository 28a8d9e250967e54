import type { OpsStore } from '../contracts/store.ts';
import type { Logger } from '../options.ts';
import { emitTelemetry } from '../telemetry/emit.ts';
import { ESCALATION_ACTION } from '../vocabulary/actions.ts';
import type { IncidentSummary, RepairSummary } from './summary.ts';

/** The host's escalation hooks, as `createOpsJobs` takes them. */
export interface EscalationHooks {
  readonly onIncident?: (summary: IncidentSummary) => unknown;
  readonly onRepair?: (summary: RepairSummary) => unknown;
}

/** Who the follow-up audit record of a failed hook names: the console itself. */
export const CONSOLE_PRINCIPAL = Object.freeze({ id: 'ops-jobs', type: 'system', label: 'ops-jobs' });

const REASON_LENGTH = 300;

class HookTimeout extends Error {}

/**
 * Calls one of the host's hooks with a summary, outside any transaction. Whatever the hook does
 * (throws, rejects, never settles) the console goes on: a failure is logged, counted, and recorded
 * as a follow-up audit record naming the incident's queue and job. Never rejects.
 */
export async function escalate(
  context: { readonly store: OpsStore; readonly logger: Logger; readonly clock: () => Date; readonly timeoutMs: number },
  hook: 'onIncident' | 'onRepair',
  call: (() => unknown) | undefined,
  summary: IncidentSummary,
): Promise<void> {
  if (!call) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HookTimeout()), context.timeoutMs);
      (timer as { unref?: () => void }).unref?.();
    });
    await Promise.race([Promise.resolve().then(call), timeout]);
  } catch (error) {
    const timedOut = error instanceof HookTimeout;
    emitTelemetry('incidents', 'hook_failed', { hook: hook === 'onIncident' ? 'on_incident' : 'on_repair', cause: timedOut ? 'timeout' : 'error' });
    context.logger.error(`ops-jobs: the ${hook} hook ${timedOut ? `did not finish within ${context.timeoutMs} ms` : 'failed'} for incident ${summary.incidentId}`, timedOut ? undefined : error);
    await recordFailure(context, hook, summary, timedOut ? `timed out after ${context.timeoutMs} ms` : describe(error));
  } finally {
    clearTimeout(timer);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `threw ${typeof error}`;
}

async function recordFailure(
  context: { readonly store: OpsStore; readonly logger: Logger; readonly clock: () => Date },
  hook: string,
  summary: IncidentSummary,
  what: string,
): Promise<void> {
  const ids = summary.jobId === null ? [] : [summary.jobId];
  try {
    await context.store.transaction((tx) => tx.appendAudit({
      occurredAt: context.clock().toISOString(),
      completedAt: context.clock().toISOString(),
      principal: CONSOLE_PRINCIPAL,
      action: ESCALATION_ACTION,
      resource: { queue: summary.queue, selection: summary.jobId === null ? { whole: 'queue' } : { ids }, ids },
      requested: 1,
      affected: 0,
      outcome: 'failed',
      reason: `${hook} for incident ${summary.incidentId} (${summary.kind}) failed: ${what}`.slice(0, REASON_LENGTH),
      planHash: '',
      correlationId: `incident-${summary.incidentId}`,
    }));
  } catch (error) {
    context.logger.error(`ops-jobs: the failed ${hook} hook of incident ${summary.incidentId} could not be recorded in the audit log`, error);
  }
}
