import type { JobEngine } from '../../core/contracts/engine.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { toJobSummary, type JobSummaryRow } from './job-rows.ts';
import { INTERNAL_QUEUE_PREFIX } from './queue-names.ts';
import { jobsInIdRange, type Statement } from './sql.ts';

interface LookupContext {
  readonly schema: string;
  query<Row>(statement: Statement): Promise<Row[]>;
}

/** Hex digits an id prefix must have at least, so a lookup reads a small slice of each queue. */
export const MIN_ID_PREFIX = 4;

/**
 * The uuid range every id starting with `prefix` falls in: the prefix's hex digits padded with 0
 * and with f. Dashes are ignored, so `4f2e1a2b-3c` and `4f2e1a2b3c` are the same prefix.
 */
export function uuidRange(prefix: string): readonly [string, string] {
  const digits = prefix.toLowerCase().replaceAll('-', '');
  if (!/^[0-9a-f]+$/.test(digits) || digits.length < MIN_ID_PREFIX || digits.length > 32) {
    throw new InvalidInputError('id', `id must be a job id or its first ${MIN_ID_PREFIX} or more hex digits, such as 4f2e1a2b.`);
  }
  const format = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return [format(digits.padEnd(32, '0')), format(digits.padEnd(32, 'f'))];
}

/**
 * `findJobs` over pg-boss: for each queue, a range of its primary key (name, id), so a lookup
 * costs a probe per queue however many jobs they hold.
 */
export function createJobLookup(context: LookupContext): Pick<JobEngine, 'findJobs'> {
  return {
    async findJobs(idPrefix, limit) {
      const [low, high] = uuidRange(idPrefix);
      const rows = await context.query<JobSummaryRow>(jobsInIdRange(context.schema, low, high, limit, INTERNAL_QUEUE_PREFIX));
      return rows.map(toJobSummary);
    },
  };
}
