// Store migrations report their outcome and driver. PGlite's first migration is checked where the
// console starts on it (console-events.test.ts); here PostgreSQL, which is quicker to start.
import assert from 'node:assert/strict';
import pg from 'pg';
import { after, test } from 'node:test';
import { createPostgresStore } from '../../../adapters/postgres/index.ts';
import { connectPostgres, dropSchemas, uniqueSchema } from '../support/database.ts';
import { namesAndTags, recordTelemetry } from './recorder.ts';

const recorder = recordTelemetry();
after(() => recorder.close());

test('a fresh PostgreSQL store migrates, then is up to date; an unreachable one fails', async () => {
  const pool = await connectPostgres();
  const schema = uniqueSchema('ops_tel');
  const unreachable = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'nobody', connectionTimeoutMillis: 2000 });
  try {
    const store = createPostgresStore({ pool, schema });
    await store.migrate();
    await store.migrate();
    await assert.rejects(createPostgresStore({ pool: unreachable, schema }).migrate());
  } finally {
    await dropSchemas((text) => pool.query(text), [schema]);
    await Promise.all([pool.end(), unreachable.end()]);
  }
  const events = recorder.take();
  assert.deepEqual(namesAndTags(events), ['applied', 'up_to_date', 'failed'].map((outcome) => ({ name: 'store.migration', tags: { outcome, driver: 'pg' } })));
  for (const event of events) assert.deepEqual(Object.keys(event.measurements).sort(), ['count', 'duration_ms']);
  assert.ok(!JSON.stringify(recorder.all).includes(schema), 'the schema name is not reported');
});
