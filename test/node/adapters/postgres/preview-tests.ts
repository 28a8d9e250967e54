import assert from 'node:assert/strict';
import { PURGE_BATCH } from '../../../../adapters/postgres/sql.ts';
import { receipt, storedPreview } from './fixtures.ts';
import type { StoreSuite } from './suite.ts';

const AT = '2026-03-07T12:01:00.000Z';

/** Previews: save, find, consume once, purge; on PostgreSQL, racing consumers. */
export function previewTests(suite: StoreSuite): void {
  suite.test('a saved preview is found by its token hash, as it was saved', async () => {
    const store = await suite.freshStore('preview_find');
    const preview = storedPreview();
    await store.savePreview(preview);
    assert.deepEqual(await store.findPreview(preview.tokenHash), preview);
    assert.equal(await store.findPreview('0'.repeat(64)), null);
  });

  suite.test('a preview is consumed once: true, then false', async () => {
    const store = await suite.freshStore('preview_consume');
    const preview = storedPreview();
    await store.savePreview(preview);
    assert.equal(await store.transaction((tx) => tx.consumePreview(preview.tokenHash, AT)), true);
    assert.equal(await store.transaction((tx) => tx.consumePreview(preview.tokenHash, '2026-03-07T12:02:00.000Z')), false);
    assert.equal((await store.findPreview(preview.tokenHash))?.consumedAt, AT);
    assert.equal(await store.transaction((tx) => tx.consumePreview('0'.repeat(64), AT)), false);
  });

  suite.test('a consumption that rolls back leaves the preview unconsumed', async () => {
    const store = await suite.freshStore('preview_rollback');
    const preview = storedPreview();
    await store.savePreview(preview);
    await assert.rejects(
      store.transaction(async (tx) => {
        assert.equal(await tx.consumePreview(preview.tokenHash, AT), true);
        throw new Error('engine refused');
      }),
      /engine refused/,
    );
    assert.equal((await store.findPreview(preview.tokenHash))?.consumedAt, null);
    assert.equal(await store.transaction((tx) => tx.consumePreview(preview.tokenHash, AT)), true);
  });

  suite.test('purging deletes only the previews that expired and the receipts past their retention', async () => {
    const store = await suite.freshStore('preview_purge');
    const expired = storedPreview({ tokenHash: '1'.repeat(64), expiresAt: '2026-03-07T12:05:00.000Z' });
    const live = storedPreview({ tokenHash: '2'.repeat(64), expiresAt: '2026-03-07T12:15:00.000Z' });
    await store.savePreview(expired);
    await store.savePreview(live);
    const old = receipt({ key: 'old', createdAt: '2026-03-06T12:00:00.000Z' });
    const recent = receipt({ key: 'recent', createdAt: '2026-03-07T11:00:00.000Z' });
    await store.transaction(async (tx) => {
      await tx.saveReceipt(old);
      await tx.saveReceipt(recent);
    });
    assert.deepEqual(await store.purgeExpired('2026-03-07T12:10:00.000Z', '2026-03-07T00:00:00.000Z'), { previews: 1, receipts: 1 });
    assert.equal(await store.findPreview(expired.tokenHash), null);
    assert.deepEqual(await store.findPreview(live.tokenHash), live);
    assert.equal(await store.findReceipt(old.principalId, 'old'), null);
    assert.equal((await store.findReceipt(recent.principalId, 'recent'))?.key, 'recent');
  });

  suite.test('a purge deletes a bounded batch at a time', async () => {
    const store = await suite.freshStore('preview_purge_batch');
    for (let index = 0; index < PURGE_BATCH + 5; index++) {
      await store.savePreview(storedPreview({ tokenHash: index.toString(16).padStart(64, '0'), expiresAt: '2026-03-07T12:05:00.000Z' }));
    }
    assert.deepEqual(await store.purgeExpired('2026-03-07T12:10:00.000Z', '2026-03-07T00:00:00.000Z'), { previews: PURGE_BATCH, receipts: 0 });
    assert.deepEqual(await store.purgeExpired('2026-03-07T12:10:00.000Z', '2026-03-07T00:00:00.000Z'), { previews: 5, receipts: 0 });
  });

  if (!suite.concurrent) return;

  suite.test('two transactions consuming one token at once: exactly one gets true', async () => {
    const first = await suite.freshStore('preview_race');
    const second = suite.storeOn(first.schema);
    const preview = storedPreview();
    await first.savePreview(preview);

    let consumed!: () => void;
    const firstConsumed = new Promise<void>((resolve) => (consumed = resolve));
    // The first transaction stays open until PostgreSQL reports the second one waiting for its lock.
    const racingWaits = firstConsumed.then(() => suite.lockWaitOn(first.schema));
    const holding = first.transaction(async (tx) => {
      const result = await tx.consumePreview(preview.tokenHash, AT);
      consumed();
      await racingWaits;
      return result;
    });
    await firstConsumed;
    // Blocks on the row lock until the first transaction commits, then finds the preview consumed.
    const racing = second.transaction((tx) => tx.consumePreview(preview.tokenHash, AT));
    assert.deepEqual(await Promise.all([holding, racing]), [true, false]);
  });

  suite.test('when the first consumer rolls back, the waiting one consumes the token', async () => {
    const first = await suite.freshStore('preview_race_rollback');
    const second = suite.storeOn(first.schema);
    const preview = storedPreview();
    await first.savePreview(preview);

    let consumed!: () => void;
    const firstConsumed = new Promise<void>((resolve) => (consumed = resolve));
    const racingWaits = firstConsumed.then(() => suite.lockWaitOn(first.schema));
    const failing = first.transaction(async (tx) => {
      await tx.consumePreview(preview.tokenHash, AT);
      consumed();
      await racingWaits;
      throw new Error('engine refused');
    });
    await firstConsumed;
    const racing = second.transaction((tx) => tx.consumePreview(preview.tokenHash, AT));
    await assert.rejects(failing, /engine refused/);
    assert.equal(await racing, true);
  });
}
