import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort, isFinalAnswer } from '../api/api-error.ts';
import { LOAD_STATUS, type LoadStatus } from './load-status.ts';
import type { LoadArgs } from './load-controller.ts';
import { sameArgs } from './same-args.ts';

/** One page of a cursor-paginated listing. */
export interface CursorPage<T> {
  readonly items: readonly T[];
  /** Pass back to get the next page; null on the last page. */
  readonly nextCursor: string | null;
}

export interface CursorPagerOptions<A extends LoadArgs, T> {
  /**
   * Fetches the page after `cursor` (null for the first). Must honour `signal`. `size`, when
   * given, is how many items are wanted: a background reload asks for every row shown at once.
   */
  readonly page: (args: A, cursor: string | null, signal: AbortSignal, size?: number) => Promise<CursorPage<T>>;
  /** Reads the inputs before each host update; new inputs start over from the first page. */
  readonly args: () => A | null;
}

/**
 * A listing read page by page through opaque cursors, keeping every page loaded so far in view.
 * `status` describes the first page; `moreStatus` and `moreError` the page being appended, so a
 * failed "Load more" keeps the rows already shown. Stale answers are dropped, as in LoadController.
 */
export class CursorPager<A extends LoadArgs, T> implements ReactiveController {
  status: LoadStatus = LOAD_STATUS.initial;
  error: unknown;
  moreStatus: LoadStatus = LOAD_STATUS.initial;
  moreError: unknown;
  items: readonly T[] = [];
  nextCursor: string | null = null;
  /** How `items` last changed: a first page, an appended page, or a background revalidation. */
  itemsFrom: 'first' | 'more' | 'revalidate' = 'first';
  readonly #host: ReactiveControllerHost;
  readonly #options: CursorPagerOptions<A, T>;
  #args: A | null = null;
  #more: Promise<void> | null = null;
  #abort: AbortController | null = null;
  #run = 0;

  constructor(host: ReactiveControllerHost, options: CursorPagerOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether another page is there to load. */
  get hasMore(): boolean {
    return this.status === LOAD_STATUS.complete && this.nextCursor !== null;
  }

  hostConnected(): void {
    if (this.status === LOAD_STATUS.initial) this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const args = this.#options.args();
    if (args === null) return;
    if (this.#args && this.status !== LOAD_STATUS.initial && sameArgs(this.#args, args)) return;
    void this.reload(args);
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#run++;
    if (this.status === LOAD_STATUS.pending) this.status = LOAD_STATUS.initial;
    if (this.moreStatus === LOAD_STATUS.pending) this.moreStatus = LOAD_STATUS.initial;
  }

  /** Starts over from the first page, dropping what was loaded. */
  async reload(args: A | null = this.#options.args()): Promise<void> {
    if (args === null) return;
    // New inputs drop the old rows at once; a refresh of the same listing keeps them until it lands.
    if (!this.#args || !sameArgs(this.#args, args)) {
      this.items = [];
      this.nextCursor = null;
    }
    this.#args = args;
    const { run, signal } = this.#begin();
    this.status = LOAD_STATUS.pending;
    this.moreStatus = LOAD_STATUS.initial;
    this.moreError = undefined;
    this.#host.requestUpdate();
    try {
      const page = await this.#options.page(args, null, signal);
      if (run !== this.#run) return;
      this.items = page.items;
      this.itemsFrom = 'first';
      this.nextCursor = page.nextCursor;
      this.error = undefined;
      this.status = LOAD_STATUS.complete;
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      this.items = [];
      this.nextCursor = null;
      this.error = error;
      this.status = LOAD_STATUS.error;
    }
    this.#host.requestUpdate();
  }

  /**
   * Reads as many items as are shown again, in the background: the items stay on screen, with no
   * loading state, until the new ones land, so scroll position and anything keyed by item hold.
   * When the server answers that the listing is gone or forbidden, that error replaces the items;
   * any other failure rejects and leaves them. Does nothing while a first page is on its way; waits
   * for a page being appended.
   *
   * @param extra - how many items beyond those shown to read, given the ones read so far: a list
   *   that holds back items new at its head reads that many more, so the rows shown stay whole.
   */
  async revalidate(extra?: (read: readonly T[]) => number): Promise<void> {
    if (this.#more) await this.#more;
    const args = this.#args;
    if (!args || (this.status !== LOAD_STATUS.complete && this.status !== LOAD_STATUS.error)) return;
    const shown = Math.max(this.items.length, 1);
    const { run, signal } = this.#begin();
    const items: T[] = [];
    let cursor: string | null = null;
    let want = shown;
    try {
      do {
        const page: CursorPage<T> = await this.#options.page(args, cursor, signal, want - items.length);
        items.push(...page.items);
        cursor = page.nextCursor;
        want = shown + (extra?.(items) ?? 0);
      } while (cursor !== null && items.length < want && run === this.#run);
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      if (!isFinalAnswer(error)) throw error;
      this.items = [];
      this.nextCursor = null;
      this.error = error;
      this.status = LOAD_STATUS.error;
      this.#host.requestUpdate();
      return;
    }
    if (run !== this.#run) return;
    this.items = items;
    this.itemsFrom = 'revalidate';
    this.nextCursor = cursor;
    this.error = undefined;
    this.status = LOAD_STATUS.complete;
    this.#host.requestUpdate();
  }

  /** Appends the next page, if there is one and none is loading. */
  loadMore(): Promise<void> {
    if (this.#more) return this.#more;
    const more = this.#loadMore().finally(() => {
      if (this.#more === more) this.#more = null;
    });
    this.#more = more;
    return more;
  }

  async #loadMore(): Promise<void> {
    const args = this.#args;
    const cursor = this.nextCursor;
    if (!args || cursor === null) return;
    const { run, signal } = this.#begin();
    this.moreStatus = LOAD_STATUS.pending;
    this.moreError = undefined;
    this.#host.requestUpdate();
    try {
      const page = await this.#options.page(args, cursor, signal);
      if (run !== this.#run) return;
      this.items = [...this.items, ...page.items];
      this.itemsFrom = 'more';
      this.nextCursor = page.nextCursor;
      this.moreStatus = LOAD_STATUS.complete;
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      this.moreError = error;
      this.moreStatus = LOAD_STATUS.error;
    }
    this.#host.requestUpdate();
  }

  #begin(): { run: number; signal: AbortSignal } {
    this.#abort?.abort();
    this.#abort = new AbortController();
    return { run: ++this.#run, signal: this.#abort.signal };
  }
}
