// The fixture server's `api/events`: a Server-Sent Events endpoint each test drives, one
// connection at a time: answer it, send events, go silent, cut it, or refuse it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveReadyEvent } from '../../../core/vocabulary/wire.ts';

/** What the fixture's `ready` event says unless a test says otherwise: the server's defaults. */
export const DEFAULT_READY: LiveReadyEvent = { heartbeatSeconds: 15, pollIntervalMs: 2000 };

/** One request to `api/events`, as the fixture server holds it. */
export class LiveClient {
  /** When the browser asked, in ms since the epoch. */
  readonly at = Date.now();
  /** The `Last-Event-ID` the browser sent, if any. */
  readonly lastEventId: string | null;
  /** Resolves when the connection is gone, whoever ended it. */
  readonly closed: Promise<void>;
  readonly #request: IncomingMessage;
  readonly #response: ServerResponse;
  #beat: ReturnType<typeof setInterval> | undefined;

  constructor(request: IncomingMessage, response: ServerResponse) {
    this.#request = request;
    this.#response = response;
    const header = request.headers['last-event-id'];
    this.lastEventId = typeof header === 'string' ? header : null;
    this.closed = new Promise((resolve) => response.once('close', () => resolve()));
    void this.closed.then(() => clearInterval(this.#beat));
  }

  /** Whether the connection is still open. */
  get open(): boolean {
    return !this.#response.destroyed && !this.#response.writableEnded;
  }

  /** Answers 200 as an event stream, telling the browser to reconnect `retryMs` after a cut. */
  accept(retryMs = 3000): this {
    this.#response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-store' });
    this.#response.write(`retry: ${retryMs}\n: connected\n\n`);
    return this;
  }

  /** Answers with an error status and a problem document, as the server does when signed out. */
  refuse(status: number, title = status === 401 ? 'Not signed in' : 'Refused'): void {
    this.#response.writeHead(status, { 'content-type': 'application/problem+json' });
    this.#response.end(JSON.stringify({ type: 'about:blank', title, status, detail: '' }));
  }

  /** Sends one event. */
  send(event: string, data: unknown, id?: string): this {
    if (this.open) this.#response.write(`${id ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    return this;
  }

  /** Sends `ready`. */
  ready(ready: LiveReadyEvent = DEFAULT_READY): this {
    return this.send('ready', ready);
  }

  /** Sends a heartbeat every `ms` until the connection ends or {@link silence} is called. */
  beat(ms: number): this {
    clearInterval(this.#beat);
    this.#beat = setInterval(() => this.send('heartbeat', { at: new Date().toISOString() }), ms);
    return this;
  }

  /** Stops heartbeats; the connection stays open and says nothing more. */
  silence(): this {
    clearInterval(this.#beat);
    return this;
  }

  /** Drops the connection without ending the response, as a proxy timing out does. */
  cut(): void {
    clearInterval(this.#beat);
    this.#request.socket.destroy();
  }
}

/** What `api/events` does with each new connection. */
export type LiveHandler = (client: LiveClient) => void;

/** Opens, says `ready` with the server's defaults, and beats every 15 s. */
export const liveByDefault: LiveHandler = (client) => {
  client.accept().ready().beat(DEFAULT_READY.heartbeatSeconds * 1000);
};

/** Every connection the browser made to `api/events`, and how the next ones are answered. */
export class LiveEndpoint {
  handler: LiveHandler = liveByDefault;
  readonly clients: LiveClient[] = [];
  #waiting: Array<() => void> = [];

  /** Takes one request for `api/events`. */
  accept(request: IncomingMessage, response: ServerResponse): void {
    const client = new LiveClient(request, response);
    this.clients.push(client);
    this.handler(client);
    for (const wake of this.#waiting.splice(0)) wake();
  }

  /** The connections still open. */
  get open(): LiveClient[] {
    return this.clients.filter((client) => client.open);
  }

  /** Sends an event on every open connection. */
  broadcast(event: string, data: unknown, id?: string): void {
    for (const client of this.open) client.send(event, data, id);
  }

  /** Resolves with the connection at `index` (0 for the first ever) once the browser has made it. */
  async nth(index: number, timeoutMs = 10_000): Promise<LiveClient> {
    const deadline = Date.now() + timeoutMs;
    while (!this.clients[index]) {
      if (Date.now() > deadline) throw new Error(`no connection #${index} to api/events within ${timeoutMs} ms (${this.clients.length} so far)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.#waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.clients[index]!;
  }

  /** Resolves with the next connection the browser makes. */
  next(timeoutMs?: number): Promise<LiveClient> {
    return this.nth(this.clients.length, timeoutMs);
  }

  /** Answers every later connection by default again. */
  restore(): void {
    this.handler = liveByDefault;
  }
}
