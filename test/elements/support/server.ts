// A test server for the elements: the console's HTML shell for every page under a mount, the
// bundle, fixture pages, and an API answered by the test. Listens on 127.0.0.1, port chosen by the OS.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { elementsBundle, ENTRY } from './bundle.ts';
import { LiveEndpoint } from './live-endpoint.ts';

/**
 * What the API answers: JSON with a status (and headers); `'network-error'` to drop the connection
 * before answering (Chromium may then send the request again on a fresh connection); or
 * `'cut-off'` to send a 200's headers and drop the connection in the middle of its body, an
 * answer lost for certain.
 */
export type ApiAnswer = { status?: number; body: unknown; delayMs?: number; headers?: Record<string, string> } | 'network-error' | 'cut-off';

/** One API request as the server received it; `body` is the parsed JSON of a POST, else undefined. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

/**
 * Answers one API call; `path` is relative to `{mount}api/`, with its query. The server always
 * passes `request`; it is optional so that one handler can delegate to another with only a path.
 */
export type ApiHandler = (path: string, url: URL, request?: ApiRequest) => ApiAnswer | Promise<ApiAnswer>;

// The real shell's page styles (core/http/shell.ts), served as a file instead of by hash.
const PAGE_CSS = 'html,body{margin:0;min-height:100%}body{background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}';

export const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'";

export interface TestServer {
  readonly origin: string;
  /** Where the console is mounted, e.g. `/ops/jobs/`. */
  readonly mount: string;
  /** Every API path asked for, in order (relative to `{mount}api/`, with query). */
  readonly calls: string[];
  /** Every API request in order, with method, headers and parsed body. */
  readonly requests: ApiRequest[];
  /** Replaces the API's answers. */
  api: ApiHandler;
  /** `api/events`, driven by the test; its requests are not in `calls`. */
  readonly live: LiveEndpoint;
  /** Serves `html` (a body fragment) at `{mount}fixture/{name}`, after the bundle. */
  fixture(name: string, html: string): string;
  url(pathUnderMount?: string): string;
  close(): Promise<void>;
}

/** The relative path from a page under the mount back to the mount root, as the real shell computes it. */
export function rootFor(pathUnderMount: string): string {
  const depth = pathUnderMount.split('/').length - 1;
  return depth <= 0 ? './' : '../'.repeat(depth);
}

function page(root: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>Test</title><link rel="stylesheet" href="${root}assets/page.css"><script type="module" src="${root}assets/${ENTRY}"></script></head><body>${body}</body></html>`;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

export async function startServer(options: { mount?: string; api: ApiHandler }): Promise<TestServer> {
  const mount = options.mount ?? '/ops/jobs/';
  const fixtures = new Map<string, string>();
  const calls: string[] = [];
  const requests: ApiRequest[] = [];
  const scripts = await elementsBundle();
  const state = { api: options.api };
  const live = new LiveEndpoint();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (!url.pathname.startsWith(mount)) {
      response.writeHead(404).end('outside the mount');
      return;
    }
    const under = url.pathname.slice(mount.length);
    const script = under.startsWith('assets/') ? scripts.get(under.slice('assets/'.length)) : undefined;
    if (script !== undefined) {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    if (under === 'assets/page.css') {
      response.writeHead(200, { 'content-type': 'text/css' }).end(PAGE_CSS);
      return;
    }
    if (under === 'api/events') {
      live.accept(request, response);
      return;
    }
    if (under.startsWith('api/')) {
      const path = under.slice(4) + url.search;
      calls.push(path);
      const body = request.method === 'POST' ? await readJson(request) : undefined;
      const recorded: ApiRequest = { method: request.method ?? 'GET', path, headers: request.headers, body };
      requests.push(recorded);
      const answer = await state.api(path, url, recorded);
      if (answer === 'network-error') {
        request.socket.destroy();
        return;
      }
      if (answer === 'cut-off') {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '200' });
        response.write('{"outcome":"succ', () => request.socket.destroy());
        return;
      }
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      const status = answer.status ?? 200;
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      response.writeHead(status, { 'content-type': type, ...answer.headers }).end(JSON.stringify(answer.body));
      return;
    }
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP };
    const fixture = under.startsWith('fixture/') ? fixtures.get(under.slice('fixture/'.length)) : undefined;
    if (fixture !== undefined) {
      response.writeHead(200, headers).end(page(rootFor(under), fixture));
      return;
    }
    const root = rootFor(under);
    response.writeHead(200, headers).end(page(root, `<ops-jobs-console root="${root}"></ops-jobs-console>`));
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    mount,
    calls,
    requests,
    live,
    get api() {
      return state.api;
    },
    set api(handler: ApiHandler) {
      state.api = handler;
    },
    fixture(name, html) {
      fixtures.set(name, html);
      return `${origin}${mount}fixture/${name}`;
    },
    url(pathUnderMount = '') {
      return `${origin}${mount}${pathUnderMount}`;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
