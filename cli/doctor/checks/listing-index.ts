import { listingIndexOf } from '../../../adapters/pg-boss/describe.ts';
import { LISTING_INDEX_NAME, LISTING_INDEX_SERVES, LISTING_SCAN_LIMIT, type ListingIndexStatus } from '../../../adapters/pg-boss/listing-index.ts';
import type { Check } from '../context.ts';
import { passed, warning, type Finding } from '../finding.ts';
import { withTimeout } from '../timeout.ts';

const DEGRADED = `${LISTING_INDEX_SERVES.join(' and ')} read at most ${LISTING_SCAN_LIMIT.toLocaleString('en-US')} of the queue's jobs per request, then stop and say so: on a large queue, a state with few jobs may take several pages to reach.`;

function fixFor(schema: string): string {
  return `Review and apply it with \`npx ops-jobs migrate --database-url <pg-boss's database URL> --pg-boss-schema ${schema}\` (prints the statements and changes nothing), then the same with \`--pg-boss-indexes\` (builds it CONCURRENTLY while the application runs). See docs/guides/pg-boss-indexes.md.`;
}

function findingFor(status: ListingIndexStatus, schema: string): Finding {
  const where = `${schema}.job`;
  switch (status) {
    case 'present':
      return passed('engine.listing-index', `The listing index ${LISTING_INDEX_NAME} is on ${where}`, `It serves ${LISTING_INDEX_SERVES.join(' and ')}.`);
    case 'absent':
      return warning('engine.listing-index-absent', `The listing index ${LISTING_INDEX_NAME} is not on ${where}`, `Without it, ${DEGRADED}`, fixFor(schema));
    case 'invalid':
      return warning('engine.listing-index-invalid', `The listing index ${LISTING_INDEX_NAME} on ${where} is invalid`,
        `An interrupted build left it unusable, and PostgreSQL still maintains it on every job write. Until it is rebuilt, ${DEGRADED}`, fixFor(schema));
    case 'building':
      return warning('engine.listing-index-building', `The listing index ${LISTING_INDEX_NAME} on ${where} is being built`,
        `A build is running now. Until it finishes, ${DEGRADED}`,
        'Let the build finish, then run the doctor again.');
  }
}

/** The index ops-jobs offers for pg-boss's job table: present, or which views degrade without it. */
export const checkListingIndex: Check = async ({ config, timeoutMs }) => {
  const engine = config?.options.engine;
  if (engine === null || typeof engine !== 'object' || typeof engine.describe !== 'function') return [];
  // An engine that cannot be described is the engine check's finding, not this one's.
  const description = await withTimeout(engine.describe(), timeoutMs, `the engine (${engine.name})`).catch(() => null);
  if (description === null) return [];
  const status = listingIndexOf(description);
  if (status === undefined || status === null || description.schema === null) return [];
  return [findingFor(status, description.schema)];
};
