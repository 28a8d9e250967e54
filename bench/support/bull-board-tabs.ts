// Open bull-board tabs, as their UI polls: each asks for the queue list at an interval, the tabs'
// phases spread over one interval as tabs opened at different moments would be.

export interface OpenTabs {
  /** Answers received so far: 200s, and anything else (or no answer). */
  answered(): { readonly ok: number; readonly failed: number };
  /** Stops polling and waits for the requests under way. */
  close(): Promise<void>;
}

export function openTabs(url: URL, cookie: string, count: number, intervalMs: number): OpenTabs {
  let ok = 0;
  let failed = 0;
  let closed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const inFlight = new Set<Promise<void>>();

  async function poll(): Promise<void> {
    try {
      const response = await fetch(url, { headers: { cookie, accept: 'application/json' } });
      await response.arrayBuffer();
      if (response.status === 200) ok += 1;
      else failed += 1;
    } catch {
      failed += 1;
    }
  }

  function schedule(delay: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (closed) return;
      const request = poll().finally(() => inFlight.delete(request));
      inFlight.add(request);
      schedule(intervalMs);
    }, delay);
    timers.add(timer);
  }

  for (let tab = 0; tab < count; tab += 1) schedule((tab * intervalMs) / count);
  return {
    answered: () => ({ ok, failed }),
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(inFlight);
    },
  };
}
