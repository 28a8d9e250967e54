/** The demo on Koa 3: `npm run demo:koa`. */
import { bodyParser } from '@koa/bodyparser';
import Koa from 'koa';
import type { Context, Next } from 'koa';
import session from 'koa-session';
import { toKoa } from 'ops-jobs/koa';
import { bootDemo } from './boot.ts';
import { LINKS } from './links.ts';
import { renderLoginPage } from './login-page.ts';
import { isRole, sessionUser } from './policies.ts';
import { memorySessionStore } from './memory-session-store.ts';
import { problemForClientError } from './problem.ts';
import type { DemoResponse } from './problem.ts';
import { serve } from './serve.ts';

/** What koa-session puts on the context; its types do not declare it. */
type SessionContext = Context & { session: { user?: string; regenerate?: () => Promise<void> } | null };

const demo = await bootDemo();
const app = new Koa();
app.keys = [demo.sessionSecret];

function send(ctx: Context, answer: DemoResponse): void {
  ctx.status = answer.status;
  ctx.type = answer.contentType;
  ctx.body = answer.body;
}

async function clientErrors(ctx: Context, next: Next): Promise<void> {
  try {
    await next();
  } catch (error) {
    const answer = problemForClientError(error);
    if (!answer) throw error;
    send(ctx, answer);
  }
}

async function demoRoutes(ctx: SessionContext, next: Next): Promise<void> {
  const route = `${ctx.method} ${ctx.path}`;
  if (route === 'GET /') return ctx.redirect(LINKS.console);
  if (route === 'GET /login') {
    ctx.type = 'html';
    ctx.body = renderLoginPage({ current: sessionUser(ctx), consoleUrl: LINKS.console });
    return;
  }
  if (route === 'POST /login') {
    const user: unknown = (ctx.request.body as { user?: unknown } | undefined)?.user;
    if (!isRole(user)) {
      ctx.status = 400;
      ctx.type = 'html';
      ctx.body = renderLoginPage({ error: 'Choose one of the demo users.', consoleUrl: LINKS.console });
      return;
    }
    // A new session id on sign-in, so an id planted before it is worth nothing after.
    ctx.session = { user };
    await ctx.session.regenerate?.();
    ctx.status = 303;
    return ctx.redirect(LINKS.console);
  }
  if (route === 'POST /logout') {
    ctx.session = null;
    ctx.status = 303;
    return ctx.redirect(LINKS.login);
  }
  if (route === 'POST /demo/jobs') {
    return send(ctx, await demo.enqueue({ user: sessionUser(ctx), contentType: ctx.get('content-type'), body: ctx.request.body }));
  }
  return next();
}

app.use(clientErrors);
app.use(session({ key: 'ops_demo_session', httpOnly: true, sameSite: 'lax', maxAge: 8 * 60 * 60 * 1000, store: memorySessionStore() }, app));
app.use(bodyParser());
app.use(demoRoutes as Koa.Middleware);
app.use(toKoa(demo.opsJobs));

serve(app.callback(), demo);
