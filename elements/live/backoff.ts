/** The first reconnection waits about this long. */
const BACKOFF_BASE_MS = 1_000;
/** No reconnection waits longer than this. */
export const BACKOFF_CAP_MS = 30_000;

/**
 * How long to wait before reconnection attempt `attempt` (0 for the first): doubling from
 * `BACKOFF_BASE_MS` up to {@link BACKOFF_CAP_MS}, each delay drawn from its upper half so
 * that consoles cut off together do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
