import type { CursorPosition } from '../../core/contracts/engine.ts';
import { InvalidInputError } from '../../core/errors.ts';

/** Where a page of pg-boss jobs ends: the last row's created_on (microseconds, UTC) and id. */
export interface JobPosition {
  readonly createdOn: string;
  readonly id: string;
}

/** The spelling `sql.ts` gives created_on in a position: six fractional digits, UTC. */
const CREATED_ON = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The spelling PostgreSQL prints a uuid in. */
export const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor position for a listing that continues after `position`. */
export function toCursorPosition(position: JobPosition): CursorPosition {
  return [position.createdOn, position.id];
}

/**
 * Reads a position this engine produced, and refuses anything else with `InvalidInputError`
 * before it reaches SQL, so a tampered or foreign cursor is a 400 and never a database error.
 */
export function fromCursorPosition(after: CursorPosition): JobPosition {
  if (!Array.isArray(after) || after.length !== 2) throw foreign();
  const [createdOn, id] = after;
  if (typeof createdOn !== 'string' || typeof id !== 'string') throw foreign();
  if (!CREATED_ON.test(createdOn) || !isRealInstant(createdOn)) throw foreign();
  if (!CANONICAL_UUID.test(id)) throw foreign();
  return { createdOn, id };
}

// Date.parse rolls 2026-02-30 over into March where PostgreSQL would refuse it, so the parsed
// instant has to print back as the same date and time.
function isRealInstant(text: string): boolean {
  const millis = Date.parse(text);
  return Number.isFinite(millis) && new Date(millis).toISOString().slice(0, 19) === text.slice(0, 19);
}

function foreign(): InvalidInputError {
  return new InvalidInputError('cursor', 'The cursor does not belong to this job listing. Load the first page again without a cursor.');
}
