import type { AuditPrincipal } from '../contracts/auth.ts';
import type { RefusedOutcome } from '../vocabulary/audit-outcomes.ts';
import type { StoredPreview } from '../contracts/preview.ts';
import type { OpsStore } from '../contracts/store.ts';
import type { Logger } from '../options.ts';
import { requestedOf } from './plan.ts';

/** How many refused or failed attempts one principal may add to the audit log per minute. */
const ATTEMPTS_PER_MINUTE = 20;

export interface AttemptLog {
  /**
   * Records an execute that changed nothing: refused by the console, or failed and rolled back.
   * Never throws: the operator's answer is the refusal, whether or not it could be recorded.
   */
  record(attempt: Attempt): Promise<void>;
}

export interface Attempt {
  readonly preview: StoredPreview;
  readonly principal: AuditPrincipal;
  readonly outcome: RefusedOutcome | 'failed';
  readonly reason: string;
  readonly correlationId: string;
}

/**
 * The audit log's record of attempts, limited per principal in fixed one-minute windows, so that a
 * client repeating a refused request cannot fill the table; what the limit drops is logged once
 * per window.
 */
export function createAttemptLog(store: OpsStore, clock: () => Date, logger: Logger): AttemptLog {
  const windows = new Map<string, { start: number; count: number }>();
  const admit = (principalId: string, now: number): boolean => {
    let window = windows.get(principalId);
    if (!window || now - window.start >= 60_000) {
      // Old windows go with the next new one, so the map holds only the last minute's principals.
      for (const [id, old] of windows) if (now - old.start >= 60_000) windows.delete(id);
      window = { start: now, count: 0 };
      windows.set(principalId, window);
    }
    window.count += 1;
    if (window.count === ATTEMPTS_PER_MINUTE + 1) {
      logger.warn(`ops-jobs: more than ${ATTEMPTS_PER_MINUTE} refused or failed actions by one operator in a minute; the rest of this minute's are not recorded in the audit log`);
    }
    return window.count <= ATTEMPTS_PER_MINUTE;
  };

  return {
    async record({ preview, principal, outcome, reason, correlationId }) {
      const now = clock();
      if (!admit(principal.id, now.getTime())) return;
      try {
        await store.transaction((tx) => tx.appendAudit({
          occurredAt: now.toISOString(),
          principal,
          action: preview.action,
          resource: { queue: preview.queue, selection: preview.selection, ids: preview.plan.map((entry) => entry.id) },
          requested: requestedOf(preview),
          affected: 0,
          outcome,
          reason,
          planHash: preview.planHash,
          correlationId,
        }));
      } catch (error) {
        logger.error('ops-jobs: could not record a refused action in the audit log', error);
      }
    },
  };
}
