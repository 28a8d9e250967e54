import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort, isFinalAnswer } from '../api/api-error.ts';
import { LOAD_STATUS, type LoadStatus } from './load-status.ts';
import { sameArgs } from './same-args.ts';

/** The inputs of a load; it reruns when any of them changes (compared with `Object.is`). */
export type LoadArgs = readonly unknown[];

export interface LoadOptions<A extends LoadArgs, T> {
  /** Does the work. Must honour `signal`: a newer run or a disconnect aborts it. */
  readonly task: (args: A, signal: AbortSignal) => Promise<T>;
  /** Reads the inputs before each host update; return null while they are incomplete. */
  readonly args: () => A | null;
}

/** Templates for each status, as {@link LoadController.render} takes them. */
export interface LoadRenderers<T, R> {
  readonly initial?: () => R;
  readonly pending?: (previous: T | undefined) => R;
  readonly complete: (value: T) => R;
  readonly error?: (error: unknown) => R;
}

/**
 * Loads data for an element whenever its inputs change. Each run gets an AbortSignal; starting a
 * new run aborts the last one, and a result that arrives after a newer run started is dropped, so
 * a slow answer never overwrites a fresh one. The last value stays readable while a rerun is
 * pending, so views can keep showing it.
 */
export class LoadController<A extends LoadArgs, T> implements ReactiveController {
  status: LoadStatus = LOAD_STATUS.initial;
  value: T | undefined;
  error: unknown;
  readonly #host: ReactiveControllerHost;
  readonly #options: LoadOptions<A, T>;
  #args: A | null = null;
  #abort: AbortController | null = null;
  #run = 0;

  constructor(host: ReactiveControllerHost, options: LoadOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.#options.args();
    if (args === null) return;
    if (this.#args && sameArgs(this.#args, args) && this.status !== LOAD_STATUS.initial) return;
    this.#args = args;
    void this.#start(args);
  }

  hostConnected(): void {
    if (this.status === LOAD_STATUS.initial) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // A disconnected element must not keep a request open; reconnecting starts it again.
    if (this.status === LOAD_STATUS.pending) {
      this.#abort?.abort();
      this.#run++;
      this.status = LOAD_STATUS.initial;
    }
  }

  /** Runs again with the current inputs, as a retry or refresh button does. */
  rerun(): Promise<void> {
    const args = this.#options.args();
    if (args === null) return Promise.resolve();
    this.#args = args;
    return this.#start(args);
  }

  /**
   * Loads again in the background: status and value stay as they are until a new value lands, so
   * nothing flashes a loading state. When the server answers that the thing is gone or forbidden,
   * that error replaces the value, since it is now the truth; any other failure rejects and leaves
   * what was shown. Does nothing before a first value is on its way: that load brings fresh data.
   */
  revalidate(): Promise<void> {
    const args = this.#options.args();
    if (args === null || this.status === LOAD_STATUS.initial || (this.status === LOAD_STATUS.pending && this.value === undefined)) {
      return Promise.resolve();
    }
    this.#args = args;
    return this.#start(args, true);
  }

  /** Replaces the value with one the view learned another way, as a load would. */
  assign(value: T): void {
    this.value = value;
    this.#host.requestUpdate();
  }

  /** Renders by status; a missing renderer renders nothing. */
  render<R>(renderers: LoadRenderers<T, R>): R | undefined {
    switch (this.status) {
      case LOAD_STATUS.initial:
        return renderers.initial?.();
      case LOAD_STATUS.pending:
        return renderers.pending?.(this.value);
      case LOAD_STATUS.complete:
        return renderers.complete(this.value as T);
      case LOAD_STATUS.error:
        return renderers.error?.(this.error);
    }
  }

  async #start(args: A, quiet = false): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const run = ++this.#run;
    if (!quiet) {
      this.status = LOAD_STATUS.pending;
      this.#host.requestUpdate();
    }
    try {
      const value = await this.#options.task(args, abort.signal);
      if (run !== this.#run) return;
      this.value = value;
      this.error = undefined;
      this.status = LOAD_STATUS.complete;
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      // A quiet load that took over from a pending one owns its outcome.
      const shown = !quiet || this.status === LOAD_STATUS.pending || isFinalAnswer(error);
      if (shown) {
        this.error = error;
        this.status = LOAD_STATUS.error;
        this.#host.requestUpdate();
      }
      if (quiet && !isFinalAnswer(error)) throw error;
      return;
    }
    this.#host.requestUpdate();
  }
}
