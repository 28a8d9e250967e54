import type { Context, Middleware, Next } from 'koa';
import type { OpsJobs } from '../../core/create-ops-jobs.ts';
import { builtConsoleFiles, signalOnClientGone, toFetchRequest } from '../node-bridge/index.ts';

/**
 * Koa 3 middleware serving the console under its mount: `app.use(toKoa(opsJobs))`. Requests
 * outside the mount pass through to `next`. `currentActor` receives the Koa `ctx`, so the host's
 * session middleware must run first; annotate its parameter as Koa's `Context`
 * (`currentActor: (ctx: Context) => ...`). The response goes back through Koa, so upstream
 * middleware (sessions, logging) still sees it.
 */
export function toKoa(opsJobs: OpsJobs<Context>): Middleware {
  opsJobs.useConsoleFiles(builtConsoleFiles());
  return async (ctx: Context, next: Next) => {
    if (!opsJobs.owns(ctx.path)) return next();
    const parsedBody = (ctx.request as { body?: unknown }).body;
    const request = toFetchRequest({ incoming: ctx.req, originalUrl: ctx.originalUrl, parsedBody, signal: signalOnClientGone(ctx.res) });
    quietWhenClientLeaves(ctx);
    // The console compresses its own answers and must keep the live stream plain; `koa-compress`
    // would also try to encode a Response body it cannot read, so it is told to stay out.
    ctx.compress = false;
    ctx.body = await opsJobs.handle(request, ctx);
  };
}

/**
 * Koa pipes a streamed body to the client and reports a client that leaves mid-stream as an
 * application error (ERR_STREAM_PREMATURE_CLOSE), which every console closing its live stream
 * would log. Only that is dropped, and only for this request's response.
 */
function quietWhenClientLeaves(ctx: Context): void {
  const report = ctx.onerror;
  ctx.onerror = (error: Error) => {
    if ((error as { code?: string } | null | undefined)?.code === 'ERR_STREAM_PREMATURE_CLOSE' && ctx.res.destroyed) return;
    report.call(ctx, error);
  };
}
