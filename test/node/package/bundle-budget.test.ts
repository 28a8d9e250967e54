// The console's first load stays within its budget: the entry and every chunk it imports
// statically, gzipped, as the package build writes them (npm test builds first).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

/**
 * The first load's budget, gzipped: what the console weighed when the copy button, which only
 * lazy views show, left it (a schedule's chronology route and the audit filter by schedule had
 * joined it).
 */
const FIRST_LOAD_BUDGET_BYTES = 37.6 * 1024;

interface Manifest {
  readonly entry: string;
  readonly preload: readonly string[];
  readonly lazy: Readonly<Record<string, readonly string[]>>;
  readonly files: Readonly<Record<string, { readonly gzipBytes: number }>>;
}

const manifest = JSON.parse(await readFile(new URL('../../../dist/console/manifest.json', import.meta.url), 'utf8')) as Manifest;

test(`the console's first load is at most ${(FIRST_LOAD_BUDGET_BYTES / 1024).toFixed(1)} KB gzipped`, () => {
  const firstLoad = [manifest.entry, ...manifest.preload];
  const bytes = firstLoad.reduce((sum, name) => sum + (manifest.files[name]?.gzipBytes ?? Number.NaN), 0);
  assert.ok(Number.isFinite(bytes), `a file of the first load is missing from the manifest: ${firstLoad.join(', ')}`);
  assert.ok(bytes <= FIRST_LOAD_BUDGET_BYTES, `first load ${(bytes / 1024).toFixed(1)} KB gzipped: ${firstLoad.join(', ')}`);
});

test('a job\'s page, the dialog, the audit views, a job\'s values and history, and the German catalog stay out of the first load, each in chunks of its own', () => {
  for (const view of ['job-views', 'action-dialog', 'audit-log', 'audit-record', 'payload-views', 'history-views', 'de']) {
    const chunks = manifest.lazy[view] ?? [];
    assert.ok(chunks.length > 0, `${view} has no chunk of its own`);
    for (const chunk of chunks) assert.ok(chunk !== manifest.entry && !manifest.preload.includes(chunk), `${view}: ${chunk} is loaded first`);
  }
});
