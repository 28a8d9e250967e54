import assert from 'node:assert/strict';
import pg from 'pg';
import { test } from 'node:test';
import { startPgBoss } from '../../../../adapters/pg-boss/index.ts';
import { DATABASE_URL, unreachable } from '../../support/database.ts';
import { uniqueBossSchema } from './targets.ts';

test('startPgBoss builds and starts pg-boss from its options, and the engine reads it (PostgreSQL)', async () => {
  const schema = uniqueBossSchema();
  const started = await startPgBoss({ connectionString: DATABASE_URL, schema, supervise: false, schedule: false }).catch((error: unknown) => {
    throw unreachable(error);
  });
  try {
    const boss = started.boss as unknown as { createQueue(name: string): Promise<void>; send(name: string, data: object): Promise<string> };
    await boss.createQueue('reports');
    const id = await boss.send('reports', { month: '2026-10' });
    const [counted] = await started.engine.countJobs(['reports']);
    assert.equal(counted?.counts.queued, 1);
    const job = await started.engine.getJob('reports', id);
    assert.deepEqual(job?.data, { month: '2026-10' });
  } finally {
    await started.stop();
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
});
