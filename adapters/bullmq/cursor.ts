import type { CursorPosition } from '../../core/contracts/engine.ts';
import { InvalidInputError } from '../../core/errors.ts';
import type { Source } from './sources.ts';
import { sourceNamed } from './sources.ts';

/**
 * Where a page of BullMQ jobs ends: the structure it was read from, the last job's place there
 * (its index in a list, its score in a sorted set, as Redis printed it) and its id. The id is what
 * keeps the next page right while jobs move: the next read looks the job up again by id and goes
 * on from wherever it is now, and the place is only the fallback when the job has left.
 */
export type JobPosition =
  | { readonly source: Source & { readonly kind: 'list' }; readonly index: number; readonly id: string; readonly following?: string }
  | { readonly source: Source & { readonly kind: 'zset' }; readonly score: string; readonly id: string };

/** A score as Redis prints it: an integer or decimal, possibly with an exponent, or an infinity. */
const SCORE = /^[-+]?(?:\d{1,20}(?:\.\d{1,20})?(?:e[-+]?\d{1,3})?|inf)$/i;

/** Longer ids than this are not BullMQ's, whose ids are counters or the host's own short keys. */
export const MAX_JOB_ID_LENGTH = 512;

/** A listing's place in each structure it has read from: at most one position per structure. */
export type ListingPosition = ReadonlyMap<Source, JobPosition>;

/**
 * The cursor of a listing: for each structure it has read from, its name, the place, the id, and
 * for a list also the id that followed (empty when none was seen).
 */
export function toCursorPosition(positions: ListingPosition): CursorPosition {
  return [...positions.values()].flatMap((position) => (position.source.kind === 'list'
    ? [position.source.name, (position as { index: number }).index, position.id, (position as { following?: string }).following ?? '']
    : [position.source.name, (position as { score: string }).score, position.id]));
}

/**
 * Reads a cursor this engine produced for a listing over `sources`, and refuses anything else with
 * `InvalidInputError`, so a tampered or foreign cursor is a 400 and never a Redis error.
 */
export function fromCursorPosition(after: CursorPosition, sources: readonly Source[]): ListingPosition {
  if (!Array.isArray(after) || after.length === 0 || after.length > sources.length * 4) throw foreign();
  const positions = new Map<Source, JobPosition>();
  for (let index = 0; index < after.length;) {
    const source = sourceNamed(after[index]);
    if (!source || !sources.includes(source) || positions.has(source)) throw foreign();
    const [, mark, id, following] = after.slice(index, index + (source.kind === 'list' ? 4 : 3));
    if (!isJobId(id)) throw foreign();
    if (source.kind === 'list') {
      if (typeof mark !== 'number' || !Number.isSafeInteger(mark) || mark < 0) throw foreign();
      if (following !== '' && !isJobId(following)) throw foreign();
      positions.set(source, { source: source as Source & { kind: 'list' }, index: mark, id, ...(following ? { following } : {}) });
      index += 4;
    } else {
      if (typeof mark !== 'string' || !SCORE.test(mark)) throw foreign();
      positions.set(source, { source: source as Source & { kind: 'zset' }, score: mark, id });
      index += 3;
    }
  }
  return positions;
}

/** Whether `id` could be a BullMQ job id: a non-empty string of printable characters, not too long. */
export function isJobId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_JOB_ID_LENGTH && !/[\x00-\x1f\x7f]/.test(id);
}

function foreign(): InvalidInputError {
  return new InvalidInputError('cursor', 'The cursor does not belong to this job listing. Load the first page again without a cursor.');
}
