import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveSettings } from '../../../demo/live-settings.ts';

test('live settings come from OPS_JOBS_* variables; unset or empty ones keep the package defaults', () => {
  assert.deepEqual(liveSettings({}), {});
  assert.deepEqual(liveSettings({ OPS_JOBS_HEARTBEAT_SECONDS: '5', OPS_JOBS_POLL_INTERVAL_MS: '' }), { heartbeatSeconds: 5 });
  assert.deepEqual(liveSettings({ OPS_JOBS_POLL_INTERVAL_MS: '500' }), { pollIntervalMs: 500 });
});

test('a setting that is not a whole number is refused, naming the variable', () => {
  assert.throws(() => liveSettings({ OPS_JOBS_HEARTBEAT_SECONDS: '2.5' }), /OPS_JOBS_HEARTBEAT_SECONDS must be a whole number, got "2.5"/);
  assert.throws(() => liveSettings({ OPS_JOBS_POLL_INTERVAL_MS: 'fast' }), /OPS_JOBS_POLL_INTERVAL_MS/);
});
