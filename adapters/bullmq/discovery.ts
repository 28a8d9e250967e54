import type { Redis } from 'ioredis';

/** How many keys one SCAN call is asked to look at. */
export const SCAN_COUNT = 1000;

/** How many SCAN calls one refresh makes at most; a larger keyspace is covered over several refreshes. */
export const SCAN_CALLS_PER_REFRESH = 20;

/** How long a discovered list of queues is used before the next refresh starts. */
export const DEFAULT_DISCOVERY_INTERVAL_MS = 5000;

/** Where the queues come from: the host's list, or discovery under a key prefix. */
export interface QueueDirectory {
  /** Every known queue name, sorted. */
  names(): Promise<readonly string[]>;
  /** Whether `name` is one of this engine's queues, without a refresh when it is already known. */
  has(name: string): Promise<boolean>;
}

/** The host named its queues: exactly those, whether or not BullMQ has written anything for them yet. */
export function listedQueues(queues: readonly string[]): QueueDirectory {
  const names = Object.freeze([...new Set(queues)].sort());
  return { names: async () => names, has: async (name) => names.includes(name) };
}

/**
 * Queues discovered by their `<prefix>:<queue>:meta` hash, which BullMQ writes for every queue.
 * Never KEYS: SCAN with MATCH, at most `SCAN_CALLS_PER_REFRESH` calls per refresh, the cursor kept
 * between refreshes so a large keyspace is walked a slice at a time. The first refresh walks the
 * keyspace to its end once, so the console starts with every queue; after that, a queue that
 * appears is found within one full pass. A name asked for that is not known yet is checked with one
 * EXISTS on its meta key, so a new queue can be opened at once.
 */
export function discoveredQueues(client: Redis, prefix: string, intervalMs: number, now: () => number = Date.now): QueueDirectory {
  const known = new Set<string>();
  // Names seen in the pass under way; at the end of a pass they replace `known`, so deleted queues drop out.
  let seen = new Set<string>();
  let cursor = '0';
  let passes = 0;
  let refreshedAt = -Infinity;
  let refreshing: Promise<void> | null = null;
  const pattern = `${globEscape(prefix)}:*:meta`;
  const head = `${prefix}:`;

  async function step(calls: number): Promise<void> {
    for (let call = 0; call < calls; call += 1) {
      const [next, found] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_COUNT);
      for (const key of found) {
        const name = key.slice(head.length, -':meta'.length);
        if (name.length > 0 && !name.includes(':')) {
          seen.add(name);
          known.add(name);
        }
      }
      cursor = next;
      if (cursor === '0') {
        known.clear();
        for (const name of seen) known.add(name);
        seen = new Set();
        passes += 1;
        return;
      }
    }
  }

  function refresh(): Promise<void> {
    refreshing ??= (passes === 0 ? step(Number.POSITIVE_INFINITY) : step(SCAN_CALLS_PER_REFRESH))
      .then(() => { refreshedAt = now(); })
      .finally(() => { refreshing = null; });
    return refreshing;
  }

  async function current(): Promise<Set<string>> {
    if (passes === 0 || now() - refreshedAt >= intervalMs) await refresh();
    return known;
  }

  return {
    async names() {
      return [...(await current())].sort();
    },
    async has(name) {
      if (name.length === 0 || name.includes(':')) return false;
      if ((await current()).has(name)) return true;
      const exists = (await client.exists(`${prefix}:${name}:meta`)) === 1;
      if (exists) known.add(name);
      return exists;
    },
  };
}

/** `text` with the characters SCAN's MATCH pattern gives a meaning escaped. */
export function globEscape(text: string): string {
  return text.replace(/[\\*?[\]]/g, (character) => `\\${character}`);
}
