import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OptionsError } from '../../../../core/errors.ts';
import { createPostgresStore } from '../../../../adapters/postgres/index.ts';
import { auditTests } from './audit-tests.ts';
import { incidentTests } from './incident-tests.ts';
import { previewTests } from './preview-tests.ts';
import { onEveryTarget } from './suite.ts';
import { transactionTests } from './transaction-tests.ts';

// One process, one PGlite: starting PGlite costs seconds, so the store's port is tested in one file.
onEveryTarget('ops store', (suite) => {
  describe('previews', () => previewTests(suite));
  describe('transactions and receipts', () => transactionTests(suite));
  describe('audit log', () => auditTests(suite));
  describe('incidents', () => incidentTests(suite));
});

test('the export batch size option must be an integer from 1 to 10,000', () => {
  const pglite = { query: async () => ({ rows: [] }), transaction: async () => undefined as never };
  for (const exportBatchSize of [0, -1, 2.5, 10_001, '500', null]) {
    assert.throws(
      () => createPostgresStore({ pglite, exportBatchSize: exportBatchSize as number }),
      (error: unknown) => error instanceof OptionsError && error.option === 'exportBatchSize',
      `exportBatchSize ${JSON.stringify(exportBatchSize)}`,
    );
  }
  assert.ok(createPostgresStore({ pglite, exportBatchSize: 1 }));
});
