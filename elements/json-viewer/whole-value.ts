import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Shown } from '../../core/vocabulary/wire.ts';

/** Fetches a value whole, as the display policy shows it (the job detail passes the API call). */
export type WholeValueLoader = (signal: AbortSignal) => Promise<Shown>;

/**
 * The whole of a value the server sent only in part, fetched on request. Forgets it (and aborts a
 * fetch under way) when the element is given another value or leaves the page.
 */
export class WholeValue implements ReactiveController {
  status: 'idle' | 'loading' | 'failed' | 'loaded' = 'idle';
  value: Shown | undefined;
  #abort: AbortController | undefined;
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  async load(loader: WholeValueLoader): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.status = 'loading';
    this.#host.requestUpdate();
    try {
      const value = await loader(abort.signal);
      if (abort.signal.aborted) return;
      this.value = value;
      this.status = 'loaded';
    } catch {
      if (abort.signal.aborted) return;
      this.status = 'failed';
    }
    this.#host.requestUpdate();
  }

  reset(): void {
    this.#abort?.abort();
    this.status = 'idle';
    this.value = undefined;
  }

  hostDisconnected(): void {
    if (this.status === 'loading') this.reset();
  }
}
