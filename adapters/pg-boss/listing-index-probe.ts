/** How long the engine trusts what it last learned about the listing index. */
const RECHECK_MS = 60_000;

export interface ListingIndexProbe {
  /** Whether the listing index is there and valid, as read from the catalog at most once a minute. */
  ready(): Promise<boolean>;
}

/**
 * Remembers whether the listing index exists, so a listing does not ask the catalog every time,
 * and notices within a minute when a host adds or drops it. A failed check counts as absent: the
 * bounded listing is always safe.
 */
export function createListingIndexProbe(check: () => Promise<boolean>, now: () => number = Date.now): ListingIndexProbe {
  let known: { ready: boolean; at: number } | undefined;
  let pending: Promise<boolean> | undefined;
  return {
    async ready() {
      if (known && now() - known.at < RECHECK_MS) return known.ready;
      pending ??= check()
        .catch(() => false)
        .then((ready) => {
          known = { ready, at: now() };
          pending = undefined;
          return ready;
        });
      return pending;
    },
  };
}
