import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveActionEvent, LiveQueuesEvent, LiveReadyEvent } from '../../core/vocabulary/wire.ts';
import type { ApiClient } from '../api/api-client.ts';
import { ApiError } from '../api/api-error.ts';
import { backoffDelay } from './backoff.ts';
import { LIVE_STATE, type LiveState } from './live-state.ts';

/** What a view does with live changes. Every method is optional but `resync`. */
export interface LiveSubscriber {
  /** These queues' counts changed. */
  queues?(event: LiveQueuesEvent): void;
  /** An operator action was executed on a queue. */
  action?(event: LiveActionEvent): void;
  /**
   * Loads the view's data again without showing a loading state, and rejects when that failed.
   * Called when a stream opens (changes may have gone by while none was open), when the server
   * says it could not replay what was missed, and on every poll while polling.
   */
  resync(): Promise<void>;
}

export interface LiveConnectionOptions {
  /** The console's API client; the stream opens under its root, and restarts when it changes. */
  readonly api: () => ApiClient | undefined;
  /** Told after every change of `state`. */
  readonly onChange?: (state: LiveState) => void;
}

/** A stream silent for this many heartbeats counts as stalled. */
const STALL_HEARTBEATS = 2.5;
/** The server's default, assumed until its `ready` event says otherwise. */
const DEFAULT_HEARTBEAT_SECONDS = 15;
/** Polling never runs more often than this, whatever the server suggests. */
const MIN_POLL_MS = 3_000;

/**
 * The console's one connection to `api/events`. Shows its state at all times (`state`,
 * `freshAt`) and hands changes to the views that subscribe.
 *
 * A stream cut after it delivered is left to the browser, which reopens it with `Last-Event-ID`.
 * When that fails, or the server refuses the stream, it reconnects itself with capped, jittered
 * backoff; a refusal is first checked against `api/session`, and a signed-out operator stops it
 * for good. A watchdog treats a stream on which no event or heartbeat arrived for 2.5 heartbeats
 * as stalled: it closes it, polls the current view every `pollMs` and keeps retrying the stream
 * in the background with backoff, back to live as soon as one delivers a heartbeat or a change.
 * Whenever a stream opens, the views reload quietly, since what changed while none was open is
 * not always replayed.
 */
export class LiveConnection implements ReactiveController {
  state: LiveState = LIVE_STATE.connecting;
  /** When what is on screen was last known to be current: a stream's last event or the last good poll. */
  freshAt = new Date();
  /** How often the current view is reloaded while polling. */
  pollMs = MIN_POLL_MS;

  readonly #host: ReactiveControllerHost;
  readonly #options: LiveConnectionOptions;
  readonly #subscribers = new Set<LiveSubscriber>();
  #client: ApiClient | undefined;
  #source: EventSource | null = null;
  /** Whether the current source is one the browser reopened by itself after a cut. */
  #resumed = false;
  /** Whether the current source delivered anything since it last opened. */
  #delivered = false;
  #attempt = 0;
  #stallMs = DEFAULT_HEARTBEAT_SECONDS * 1000 * STALL_HEARTBEATS;
  #lastHeard = 0;
  #polling = false;
  /** Counts the times polling started, so a poll from an earlier time stops with it. */
  #round = 0;
  #running = false;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: LiveConnectionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Sends live changes to `subscriber` until the returned function is called. */
  subscribe(subscriber: LiveSubscriber): () => void {
    this.#subscribers.add(subscriber);
    return () => this.#subscribers.delete(subscriber);
  }

  hostConnected(): void {
    if (this.#client && !this.#running) this.#begin();
  }

  hostUpdate(): void {
    const client = this.#options.api();
    if (client === this.#client) return;
    this.#stop();
    this.#client = client;
    if (client) this.#begin();
  }

  hostDisconnected(): void {
    this.#stop();
  }

  #begin(): void {
    this.#running = true;
    this.#attempt = 0;
    this.freshAt = new Date();
    this.#lastHeard = Date.now();
    this.#armWatchdog();
    this.#set(LIVE_STATE.connecting);
    this.#connect();
  }

  #stop(): void {
    this.#running = false;
    this.#source?.close();
    this.#source = null;
    this.#polling = false;
    clearTimeout(this.#watchdog);
    clearTimeout(this.#retry);
    clearTimeout(this.#pollTimer);
  }

  #connect(): void {
    const client = this.#client;
    if (!client || !this.#running) return;
    const source = new EventSource(new URL('api/events', client.root));
    this.#source = source;
    this.#resumed = false;
    this.#delivered = false;
    const on = (name: string, handle: (data: unknown) => void) =>
      source.addEventListener(name, (event) => {
        if (this.#source !== source) return;
        let data: unknown;
        try {
          data = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          data = undefined;
        }
        handle(data);
      });
    on('ready', (data) => this.#onReady(data as Partial<LiveReadyEvent> | undefined));
    on('heartbeat', () => this.#heard());
    on('queues', (data) => {
      this.#heard();
      if (data) for (const subscriber of this.#subscribers) subscriber.queues?.(data as LiveQueuesEvent);
    });
    on('action', (data) => {
      this.#heard();
      if (data) for (const subscriber of this.#subscribers) subscriber.action?.(data as LiveActionEvent);
    });
    // The server ended the stream because the operator's session ended: stop, do not reconnect.
    on('signed-out', () => this.#signOut());
    on('reset', () => {
      this.#heard();
      this.#resync();
    });
    source.addEventListener('error', () => {
      if (this.#source === source) this.#onError(source);
    });
  }

  #onReady(ready: Partial<LiveReadyEvent> | undefined): void {
    const seconds = ready?.heartbeatSeconds;
    if (typeof seconds === 'number' && seconds > 0) this.#stallMs = Math.min(seconds, 3600) * 1000 * STALL_HEARTBEATS;
    const poll = ready?.pollIntervalMs;
    if (typeof poll === 'number' && poll > 0) this.pollMs = Math.max(MIN_POLL_MS, poll);
    this.#delivered = true;
    // A greeting alone proves little: a proxy that cuts every quiet stream still lets it through.
    // So a stream the browser reopened does not put off the watchdog, and after a stall only a
    // heartbeat or a change ends polling.
    if (!this.#resumed) {
      this.#lastHeard = Date.now();
      this.#armWatchdog();
    }
    if (!this.#polling) this.#live();
    // Changes made while no stream was open are not always replayed, so the view reads them.
    this.#resync();
  }

  /** A heartbeat or a change arrived: the stream works. */
  #heard(): void {
    this.#attempt = 0;
    this.#delivered = true;
    this.#lastHeard = Date.now();
    this.#armWatchdog();
    this.#polling = false;
    clearTimeout(this.#pollTimer);
    this.#live();
  }

  #live(): void {
    this.freshAt = new Date();
    this.#set(LIVE_STATE.live);
  }

  #onError(source: EventSource): void {
    if (source.readyState === EventSource.CLOSED) {
      // Refused: an error status, which may mean the operator signed out.
      this.#source = null;
      void this.#afterRefusal(this.#client);
    } else if (this.#delivered && !this.#polling) {
      // Cut after delivering: the browser reopens it and sends Last-Event-ID.
      this.#delivered = false;
      this.#resumed = true;
    } else {
      // The browser's own attempt failed as well, or streams keep failing: take over, with backoff.
      source.close();
      this.#source = null;
      this.#scheduleRetry();
    }
    if (!this.#polling) this.#set(LIVE_STATE.reconnecting);
  }

  async #afterRefusal(client: ApiClient | undefined): Promise<void> {
    const signedOut = await client?.session().then(() => false, (error: unknown) => isSignedOut(error));
    if (!this.#running || client !== this.#client) return;
    if (signedOut) this.#signOut();
    else this.#scheduleRetry();
  }

  #scheduleRetry(): void {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(() => this.#connect(), backoffDelay(this.#attempt++));
  }

  #armWatchdog(): void {
    clearTimeout(this.#watchdog);
    this.#watchdog = setTimeout(() => this.#checkStall(), Math.max(0, this.#lastHeard + this.#stallMs - Date.now()));
  }

  #checkStall(): void {
    if (!this.#running) return;
    if (Date.now() - this.#lastHeard < this.#stallMs) return this.#armWatchdog();
    if (this.#source) {
      this.#source.close();
      this.#source = null;
      this.#scheduleRetry();
    }
    if (this.#polling) return;
    // A stream that opened but stays silent is being held back (a buffering proxy); one that
    // keeps failing is an error. Either way the server's telemetry should know.
    void this.#client?.reportFallback(this.#delivered ? 'stream_buffered' : 'stream_error').catch(() => {});
    this.#polling = true;
    this.#set(LIVE_STATE.polling);
    this.#poll(++this.#round);
  }

  /** One poll of round `round`; a poll still on its way when polling stopped ends its round. */
  #poll(round: number): void {
    const client = this.#client;
    if (!client) return;
    const current = () => this.#polling && round === this.#round;
    const reload = this.#subscribers.size > 0 ? this.#reloadViews() : client.session().then(() => undefined);
    reload.then(
      () => {
        if (!current()) return;
        this.freshAt = new Date();
        this.#set(LIVE_STATE.polling);
      },
      (error: unknown) => {
        if (!current()) return;
        if (isSignedOut(error)) this.#signOut();
        else this.#set(LIVE_STATE.stale);
      },
    ).finally(() => {
      if (current()) this.#pollTimer = setTimeout(() => this.#poll(round), this.pollMs);
    });
  }

  #reloadViews(): Promise<void> {
    return Promise.all([...this.#subscribers].map((subscriber) => subscriber.resync())).then(() => undefined);
  }

  #resync(): void {
    this.#reloadViews().catch((error: unknown) => {
      if (this.#running && isSignedOut(error)) this.#signOut();
    });
  }

  #signOut(): void {
    this.#stop();
    this.#set(LIVE_STATE.signedOut);
  }

  #set(state: LiveState): void {
    if (state === this.state) return;
    this.state = state;
    this.#host.requestUpdate();
    this.#options.onChange?.(state);
  }
}

function isSignedOut(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}
