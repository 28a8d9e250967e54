import type { QueueInfo } from '../contracts/jobs.ts';

/** How many jobs of a queue failed in the last window, and in the window before it. */
export interface FailureTrend {
  readonly recent: number;
  readonly previous: number;
}

/**
 * Each queue's failed count as seen by the last passes, kept for two windows, so that a pass can
 * say how many jobs failed lately. A count that falls (jobs retried or removed) starts again from
 * there: failures are the rises, so what an operator cleared up is not counted as new.
 */
export interface FailureHistory {
  record(at: number, queues: readonly QueueInfo[]): void;
  /** Null until the history spans a whole window, when no trend can be told yet. */
  trend(queue: string, at: number): FailureTrend | null;
}

export function createFailureHistory(windowMs: number): FailureHistory {
  const samples = new Map<string, { at: number; failed: number }[]>();
  let since: number | undefined;

  function risesBetween(series: readonly { at: number; failed: number }[], from: number, to: number): number {
    let rises = 0;
    for (let index = 1; index < series.length; index++) {
      const sample = series[index]!;
      if (sample.at <= from || sample.at > to) continue;
      rises += Math.max(0, sample.failed - series[index - 1]!.failed);
    }
    return rises;
  }

  return {
    record(at, queues) {
      since ??= at;
      for (const queue of queues) {
        const failed = queue.counts.failed;
        if (failed === undefined) continue;
        const series = samples.get(queue.name) ?? [];
        series.push({ at, failed });
        // One sample older than two windows stays, as the base of the oldest rise.
        while (series.length > 2 && series[1]!.at <= at - 2 * windowMs) series.shift();
        samples.set(queue.name, series);
      }
      const present = new Set(queues.map((queue) => queue.name));
      for (const name of samples.keys()) if (!present.has(name)) samples.delete(name);
    },
    trend(queue, at) {
      if (since === undefined || at - since < windowMs) return null;
      const series = samples.get(queue);
      if (!series) return null;
      return { recent: risesBetween(series, at - windowMs, at), previous: risesBetween(series, at - 2 * windowMs, at - windowMs) };
    },
  };
}
