import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveActionEvent, LiveQueuesEvent } from '../../core/vocabulary/wire.ts';
import type { LiveConnection, LiveSubscriber } from './live-connection.ts';

/** Changes that concern a view arriving within this long of each other cause one reload. */
const LIVE_RELOAD_DELAY_MS = 300;

export interface LiveSyncOptions {
  /** The console's live connection; none outside a console. */
  readonly live: () => LiveConnection | undefined;
  /** Reloads the view's data without a loading state; rejects when that failed. */
  readonly reload: () => Promise<void>;
  /** Whether these queue counts concern the view, which then reloads shortly. */
  readonly queuesConcern?: (event: LiveQueuesEvent) => boolean;
  /** Whether this action concerns the view, which then reloads shortly. */
  readonly actionConcerns?: (event: LiveActionEvent) => boolean;
  /** Applies new queue counts directly, for views that hold nothing else. */
  readonly applyQueues?: (event: LiveQueuesEvent) => void;
}

/**
 * Keeps a view current from the console's live connection while the view is on the page:
 * applies what it can directly, and reloads, at most once per `LIVE_RELOAD_DELAY_MS`, when a
 * change concerns it. Reloads are the view's quiet kind, so nothing on screen flashes or resets.
 */
export class LiveSync implements ReactiveController, LiveSubscriber {
  readonly #options: LiveSyncOptions;
  #live: LiveConnection | undefined;
  #unsubscribe: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: LiveSyncOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow(this.#options.live());
  }

  hostUpdate(): void {
    const live = this.#options.live();
    if (live !== this.#live || !this.#unsubscribe) this.#follow(live);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
  }

  queues(event: LiveQueuesEvent): void {
    this.#options.applyQueues?.(event);
    if (this.#options.queuesConcern?.(event)) this.#soon();
  }

  action(event: LiveActionEvent): void {
    if (this.#options.actionConcerns?.(event)) this.#soon();
  }

  resync(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.#options.reload();
  }

  #soon(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      // A failed reload leaves the view as it was; the next change or poll tries again.
      this.#options.reload().catch(() => {});
    }, LIVE_RELOAD_DELAY_MS);
  }

  #follow(live: LiveConnection | undefined): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#live = live;
    if (live) this.#unsubscribe = live.subscribe(this);
  }
}
