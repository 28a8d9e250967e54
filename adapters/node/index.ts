/**
 * `ops-jobs/node`: the console on Node's own HTTP server, or on any server that hands you Node's
 * `IncomingMessage` and `ServerResponse`.
 *
 * ```ts
 * import { createServer } from 'node:http';
 * import { toNodeListener } from 'ops-jobs/node';
 * createServer(toNodeListener(opsJobs, (req, res) => myApp(req, res))).listen(3000);
 * ```
 *
 * The pieces it is made of are exported too, for a server of your own shape: `toFetchRequest`
 * turns a Node request into a Fetch `Request` (streaming its body), `writeResponse` streams a
 * Fetch `Response` back with backpressure and every `Set-Cookie` header, and `signalOnClientGone`
 * aborts when the client leaves, which ends a live stream cleanly. `builtConsoleFiles` reads the
 * console's browser files for a host that calls `opsJobs.handle` itself (`createOpsJobs({
 * consoleFiles: builtConsoleFiles() })`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OpsJobs } from '../../core/create-ops-jobs.ts';
import { builtConsoleFiles, signalOnClientGone, toFetchRequest, writeResponse } from '../node-bridge/index.ts';

export { builtConsoleFiles, signalOnClientGone, toFetchRequest, writeResponse, type FetchRequestInput } from '../node-bridge/index.ts';

/** What serves the requests outside the console's mount: the rest of your application. */
export type NodeFallback = (req: IncomingMessage, res: ServerResponse) => void;

function notFound(_req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.end('Not found');
}

/**
 * A `node:http` request listener serving the console under its mount; every other request goes to
 * `fallback` (a plain 404 when there is none). `currentActor` receives the `IncomingMessage`, so
 * read your session from it (its cookie, or what your own code attached to it first).
 * An error the console cannot answer itself ends the response with a 500 and is passed to
 * `onError` (by default, `console.error`).
 */
export function toNodeListener(
  opsJobs: OpsJobs<IncomingMessage>,
  fallback: NodeFallback = notFound,
  onError: (error: unknown) => void = (error) => console.error('ops-jobs: could not answer a request', error),
): (req: IncomingMessage, res: ServerResponse) => void {
  opsJobs.useConsoleFiles(builtConsoleFiles());
  return (req, res) => {
    const url = req.url ?? '/';
    if (!opsJobs.owns(url.split('?', 1)[0] ?? '')) {
      fallback(req, res);
      return;
    }
    const request = toFetchRequest({ incoming: req, originalUrl: url, signal: signalOnClientGone(res) });
    opsJobs.handle(request, req).then((response) => writeResponse(response, res)).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}
