// Runs the element fixture tests (test/components/*.browser-test.ts) under @web/test-runner in
// Chromium, as part of `npm test`: one element at a time, rendered from source, no host page.
// One element's tests alone: npx web-test-runner --config web-test-runner.config.js test/components/state-badge.browser-test.ts
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

test('the element fixture tests pass under @web/test-runner in Chromium', async () => {
  const files = (await readdir(new URL('.', import.meta.url))).filter((name) => name.endsWith('.browser-test.ts'));
  assert.ok(files.length > 0, 'no fixture tests found');
  const child = spawn(process.execPath, [`${root}node_modules/@web/test-runner/dist/bin.js`, '--config', `${root}web-test-runner.config.js`, '--static-logging'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.equal(code, 0, output);
  const summary = [...output.matchAll(/(\d+)\/(\d+) test files \| (\d+) passed, (\d+) failed/g)].at(-1);
  assert.ok(summary, `no summary in:\n${output}`);
  const [, ran, found, passed, failed] = summary.map(Number);
  assert.equal(ran, files.length, `test files run (${found} found)`);
  assert.equal(failed, 0, output);
  assert.ok(passed! > 0, output);
});
