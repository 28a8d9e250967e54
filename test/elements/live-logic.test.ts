// The live connection's pure parts, in Node: backoff delays and what the indicator says.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BACKOFF_CAP_MS, backoffDelay } from '../../elements/live/backoff.ts';
import { LIVE_STATE } from '../../elements/live/live-state.ts';
import { liveStatusCopy } from '../../elements/live/live-status-copy.ts';
import { formatExact } from '../../elements/shared/format.ts';

describe('reconnection backoff', () => {
  it('doubles from about a second up to the cap, each delay in the upper half of its range', () => {
    const lowest = Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt, () => 0));
    const highest = Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt, () => 1));
    assert.deepEqual(lowest, [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
    assert.deepEqual(highest, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    assert.equal(backoffDelay(1_000, () => 1), BACKOFF_CAP_MS, 'no overflow however many attempts');
  });

  it('spreads consoles cut off together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    assert.ok(delays.size > 10);
    for (const delay of delays) assert.ok(delay >= 4000 && delay <= 8000);
  });
});

describe('live indicator copy', () => {
  const at = new Date('2026-11-27T03:12:09Z');

  it('says each state in words, not colour alone', () => {
    assert.deepEqual(
      Object.values(LIVE_STATE).map((state) => [liveStatusCopy(state, at, 3000).label, liveStatusCopy(state, at, 3000).tone]),
      [
        ['Connecting…', 'waiting'],
        ['Live', 'good'],
        ['Reconnecting…', 'degraded'],
        ['Polling every 3 sec', 'degraded'],
        [`Stale since ${formatExact(at)}`, 'bad'],
        ['Signed out', 'bad'],
      ],
    );
  });

  it('has a shorter label for narrow screens', () => {
    assert.equal(liveStatusCopy(LIVE_STATE.polling, at, 3000).compact, 'Polling 3 sec');
    assert.equal(liveStatusCopy(LIVE_STATE.stale, at, 3000).compact, 'Stale');
    assert.equal(liveStatusCopy(LIVE_STATE.live, at, 3000).compact, 'Live');
  });

  it('names the poll interval and the time the data is from in its hint', () => {
    assert.match(liveStatusCopy(LIVE_STATE.polling, at, 5000).hint, /every 5 sec\b/);
    assert.match(liveStatusCopy(LIVE_STATE.stale, at, 5000).hint, new RegExp(`as of ${formatExact(at)}`));
  });
});
