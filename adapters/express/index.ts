import type { NextFunction, Request as ExpressRequest, RequestHandler, Response as ExpressResponse } from 'express';
import type { OpsJobs } from '../../core/create-ops-jobs.ts';
import { builtConsoleFiles, signalOnClientGone, toFetchRequest, writeResponse } from '../node-bridge/index.ts';

/**
 * Express 5 middleware serving the console under its mount. Register it on the app or a router
 * with `app.use(toExpress(opsJobs))`; requests outside the mount pass through to `next`.
 * `currentActor` receives the Express `req`, so the host's session middleware must run first;
 * annotate its parameter as Express's `Request` (`currentActor: (req: Request) => ...`) and a console
 * built for another framework's request does not type-check here.
 */
export function toExpress(opsJobs: OpsJobs<ExpressRequest>): RequestHandler {
  opsJobs.useConsoleFiles(builtConsoleFiles());
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const pathname = req.originalUrl.split('?', 1)[0] ?? '';
    if (!opsJobs.owns(pathname)) {
      next();
      return;
    }
    const request = toFetchRequest({ incoming: req, originalUrl: req.originalUrl, parsedBody: req.body, signal: signalOnClientGone(res) });
    opsJobs.handle(request, req).then((response) => writeResponse(response, res)).catch(next);
  };
}
