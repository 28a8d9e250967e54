// Waiting for a condition that announces itself with no event: a database row, a catalog view, a
// server that starts listening in another process. Where an event exists, await it instead.
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** How long to keep asking before failing. Default 10 s. */
  readonly timeoutMs?: number;
  /** The pause between two questions. Default 50 ms. */
  readonly intervalMs?: number;
}

/**
 * Asks `condition` until it answers true, and rejects naming `what` when it has not within the
 * timeout. A condition that throws fails the wait at once.
 */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string, options: WaitOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 50 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Resolves after everything already queued has run: pending callbacks, promise reactions and rejection reports. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
