import { isAuditedAction } from '../vocabulary/actions.ts';
import { AUDIT_OUTCOMES, isAuditOutcome } from '../vocabulary/audit-outcomes.ts';
import type { AuditFilter } from '../contracts/audit.ts';
import { isJobState, type JobState } from '../vocabulary/job-states.ts';
import { InvalidInputError } from '../errors.ts';
import { PAGE_SIZE } from '../vocabulary/limits.ts';
import { plainText } from '../plain-text.ts';
import type { ActivityWindow } from '../vocabulary/wire.ts';

/** `limit`, checked against the allowed range, which a 400 states. */
export function pageSize(query: URLSearchParams): number {
  const raw = query.get('limit');
  if (raw === null) return PAGE_SIZE.default;
  const limit = /^\d{1,4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(limit) || limit < PAGE_SIZE.min || limit > PAGE_SIZE.max) {
    throw new InvalidInputError('limit', `limit must be an integer from ${PAGE_SIZE.min} to ${PAGE_SIZE.max}, got ${JSON.stringify(raw.slice(0, 20))}.`);
  }
  return limit;
}

export function stateFilter(query: URLSearchParams): JobState | null {
  const raw = query.get('state');
  if (raw === null || raw === '') return null;
  if (!isJobState(raw)) throw new InvalidInputError('state', `Unknown state ${JSON.stringify(raw.slice(0, 40))}.`);
  return raw;
}

function text(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name);
  if (raw === null || raw === '') return undefined;
  if (raw.length > 500) throw new InvalidInputError(name, `${name} is limited to 500 characters.`);
  return plainText(name, raw);
}

/** `window`, how far back a queue's activity reaches: `1h` or `24h` (the default). */
export function activityWindow(query: URLSearchParams): ActivityWindow {
  const raw = query.get('window');
  if (raw === null || raw === '') return '24h';
  if (raw !== '1h' && raw !== '24h') throw new InvalidInputError('window', `window must be 1h or 24h, got ${JSON.stringify(raw.slice(0, 20))}.`);
  return raw;
}

/** `id`, the start of a job id to look up: required, and short enough to be an id. */
export function idPrefix(query: URLSearchParams): string {
  const raw = query.get('id');
  if (raw === null || raw.trim() === '') throw new InvalidInputError('id', 'id is required: a job id, or its first characters.');
  if (raw.length > 64) throw new InvalidInputError('id', 'id is limited to 64 characters.');
  return raw.trim();
}

/** The `queue` a listing is narrowed to, or null for every queue. */
export function queueFilter(query: URLSearchParams): string | null {
  return text(query, 'queue') ?? null;
}

/** A date, or a date and time with seconds optional, fractions optional and a zone required. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function sameCalendarDate(raw: string, time: number): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(raw);
  const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return new Date(time + minutes * 60_000).toISOString().slice(0, 10) === raw.slice(0, 10);
}

function instant(query: URLSearchParams, name: string): string | undefined {
  const raw = text(query, name);
  if (raw === undefined) return undefined;
  const time = ISO_INSTANT.test(raw) ? Date.parse(raw) : Number.NaN;
  // Date.parse rolls 2026-02-30 over into March: the date it read must be the date it was given.
  if (Number.isNaN(time) || !sameCalendarDate(raw, time)) {
    throw new InvalidInputError(name, `${name} must be an ISO 8601 date or date and time with a zone, such as 2026-11-27 or 2026-11-27T09:00:00Z.`);
  }
  return new Date(time).toISOString();
}

/** The audit log's filters: actor, action, queue, job, schedule, outcome and a time range. */
export function auditFilter(query: URLSearchParams): AuditFilter {
  const action = text(query, 'action');
  if (action !== undefined && !isAuditedAction(action)) throw new InvalidInputError('action', `Unknown action ${JSON.stringify(action.slice(0, 40))}.`);
  const outcome = text(query, 'outcome');
  if (outcome !== undefined && !isAuditOutcome(outcome)) {
    throw new InvalidInputError('outcome', `outcome must be one of ${AUDIT_OUTCOMES.join(', ')}.`);
  }
  const from = instant(query, 'from');
  const to = instant(query, 'to');
  if (from !== undefined && to !== undefined && from >= to) throw new InvalidInputError('to', 'to must be later than from.');
  const filter: Record<string, string> = {};
  const entries: [keyof AuditFilter, string | undefined][] = [
    ['principalId', text(query, 'actor')], ['action', action], ['queue', text(query, 'queue')], ['jobId', text(query, 'job')], ['schedule', text(query, 'schedule')],
    ['outcome', outcome], ['from', from], ['to', to],
  ];
  for (const [key, value] of entries) if (value !== undefined) filter[key] = value;
  return filter as AuditFilter;
}
