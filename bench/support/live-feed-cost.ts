// What open consoles cost the database: PostgreSQL's statement time per second for the bench
// database while a number of live streams are held open, one window per number.
import { setTimeout as sleep } from 'node:timers/promises';
import type { DatabaseWatch } from './database-work.ts';
import { openStreams } from './open-streams.ts';

const SETTLE_SECONDS = 5;

/** One window with `streams` consoles open. */
export interface FeedWindow {
  readonly streams: number;
  /** pg_stat_database.active_time gained per second. */
  readonly statementMsPerSecond: number;
  /** Rows read (tup_returned + tup_fetched) per second. */
  readonly rowsPerSecond: number;
  /** Streams that received at least one frame, and streams the server ended early. */
  readonly answered: number;
  readonly ended: number;
}

/**
 * For each of `steps`, opens that many streams on `eventsUrl` (the host signs every request in),
 * lets them settle, and reads the database's counters over `windowSeconds`.
 */
export async function measureLiveFeed(
  eventsUrl: URL,
  watch: DatabaseWatch,
  steps: readonly number[],
  windowSeconds: number,
  log: (line: string) => void,
): Promise<FeedWindow[]> {
  const windows: FeedWindow[] = [];
  for (const streams of steps) {
    const open = streams > 0 ? await openStreams(eventsUrl, [''], streams) : null;
    try {
      await sleep(SETTLE_SECONDS * 1000);
      const start = await watch.read();
      await sleep(windowSeconds * 1000);
      const end = await watch.read();
      const seconds = (end.at - start.at) / 1000;
      const answered = open?.frames().filter((frames) => Object.keys(frames).length > 0).length ?? 0;
      const window: FeedWindow = {
        streams,
        statementMsPerSecond: (end.activeMs - start.activeMs) / seconds,
        rowsPerSecond: (end.rowsRead - start.rowsRead) / seconds,
        answered,
        ended: open?.ended() ?? 0,
      };
      windows.push(window);
      log(`bench:   ${streams} streams: ${window.statementMsPerSecond.toFixed(2)} statement-ms/s, ${Math.round(window.rowsPerSecond)} rows/s`);
    } finally {
      open?.close();
    }
  }
  return windows;
}
