import { isAuditedAction } from '../../core/vocabulary/actions.ts';
import { AUDIT_OUTCOMES } from '../../core/vocabulary/audit-outcomes.ts';
import type { AuditFilter } from '../../core/contracts/audit.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { isIsoTimestamp } from './timestamps.ts';

const TEXT_FILTERS = ['principalId', 'queue', 'jobId', 'schedule'] as const;

/**
 * Checks an audit filter before it reaches SQL, so that a bad value is a 400 naming the parameter
 * and never a database error. Returns only the filters that are set.
 */
export function checkAuditFilter(filter: AuditFilter): AuditFilter {
  const checked: Record<string, string> = {};
  for (const name of TEXT_FILTERS) {
    const value = filter[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new InvalidInputError(name, `${name} must be a string.`);
    checked[name] = value;
  }
  if (filter.action !== undefined) {
    if (!isAuditedAction(filter.action)) {
      throw new InvalidInputError('action', `action must be one of the operator actions, such as 'job.retry'; got ${JSON.stringify(filter.action)}.`);
    }
    checked.action = filter.action;
  }
  if (filter.outcome !== undefined) {
    if (!(AUDIT_OUTCOMES as readonly unknown[]).includes(filter.outcome)) {
      throw new InvalidInputError('outcome', `outcome must be one of ${AUDIT_OUTCOMES.join(', ')}; got ${JSON.stringify(filter.outcome)}.`);
    }
    checked.outcome = filter.outcome;
  }
  for (const name of ['from', 'to'] as const) {
    const value = filter[name];
    if (value === undefined) continue;
    if (!isIsoTimestamp(value)) {
      throw new InvalidInputError(name, `${name} must be an ISO 8601 timestamp with a time zone, such as 2026-03-07T12:00:00Z; got ${JSON.stringify(value)}.`);
    }
    checked[name] = value;
  }
  return checked as AuditFilter;
}

/** Checks a page size: a positive integer. The console's own ceiling is the caller's to apply. */
export function checkAuditLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) {
    throw new InvalidInputError('limit', `limit must be a positive integer; got ${JSON.stringify(limit)}.`);
  }
  return limit;
}
