/**
 * A schedule's key in a path segment (`queues/{queue}/schedules/{key}/...`), before
 * percent-encoding. A path segment cannot be empty, and pg-boss's schedule without a key has the
 * key `''`: so a key that is empty or starts with `~` is written with one `~` in front. `''` is
 * `~`, `~x` is `~~x`, and every other key is itself (a BullMQ scheduler id, a pg-boss key).
 */
export function scheduleKeySegment(key: string): string {
  return key === '' || key.startsWith('~') ? `~${key}` : key;
}

/** The key a path segment written by `scheduleKeySegment` (already percent-decoded) stands for. */
export function scheduleKeyFromSegment(segment: string): string {
  return segment.startsWith('~') ? segment.slice(1) : segment;
}
