import { InvalidInputError } from '../../core/errors.ts';
import { isIsoTimestamp } from './timestamps.ts';

/** Where a page of the audit log ends: the last record's occurred_at (microseconds, UTC) and id. */
export interface AuditPosition {
  readonly occurredAt: string;
  readonly id: string;
}

/** The spelling `sql.ts` gives occurred_at in a position: six fractional digits, UTC. */
const OCCURRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const DECIMAL_ID = /^[1-9]\d{0,18}$/;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/**
 * True for text that can be an audit record id: a positive decimal that fits a bigint. Checked
 * before an id reaches SQL, where anything else would be an error rather than "no such record".
 */
export function isAuditId(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_ID.test(value) && BigInt(value) <= MAX_BIGINT;
}

/** The `after` for the page that continues after `position`. */
export function toAuditCursor(position: AuditPosition): readonly string[] {
  return [position.occurredAt, position.id];
}

/**
 * Reads an `after` this store produced, and refuses anything else with `InvalidInputError` before
 * it reaches SQL, so a tampered or foreign cursor is a 400 and never a database error.
 */
export function fromAuditCursor(after: readonly unknown[]): AuditPosition {
  if (!Array.isArray(after) || after.length !== 2) throw foreign();
  const [occurredAt, id] = after as unknown[];
  if (typeof occurredAt !== 'string' || !OCCURRED_AT.test(occurredAt) || !isIsoTimestamp(occurredAt)) throw foreign();
  if (!isAuditId(id)) throw foreign();
  return { occurredAt, id };
}

function foreign(): InvalidInputError {
  return new InvalidInputError('cursor', 'The cursor does not belong to the audit log. Load the first page again without a cursor.');
}
