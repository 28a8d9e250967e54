// Puts the optional listing index that ops-jobs offers hosts on pgboss.job, or takes it away, so a
// run measures what it says it measures whatever an earlier run left behind.
import pg from 'pg';
import { LISTING_INDEX_COLUMNS, LISTING_INDEX_NAME } from '../../adapters/pg-boss/listing-index.ts';

/** Creates (`present`) or drops the listing index in the database at `url`. */
export async function setListingIndex(url: string, present: boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'ops-jobs bench (setup)' });
  await client.connect();
  try {
    await client.query(present
      ? `CREATE INDEX IF NOT EXISTS ${LISTING_INDEX_NAME} ON pgboss.job (${LISTING_INDEX_COLUMNS})`
      : `DROP INDEX IF EXISTS pgboss.${LISTING_INDEX_NAME}`);
  } finally {
    await client.end();
  }
}
