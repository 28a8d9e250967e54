/** The demo's Express 5 application, whichever engine the demo runs on. */
import express from 'express';
import type { ErrorRequestHandler } from 'express';
import session from 'express-session';
import { toExpress } from 'ops-jobs/express';
import type { Demo } from './boot.ts';
import { LINKS } from './links.ts';
import { renderLoginPage } from './login-page.ts';
import { isRole, sessionUser } from './policies.ts';
import { problemForClientError } from './problem.ts';
import type { DemoResponse } from './problem.ts';
import { serve } from './serve.ts';

declare module 'express-session' {
  interface SessionData {
    user?: string;
  }
}

const send = (res: express.Response, answer: DemoResponse) => res.status(answer.status).type(answer.contentType).send(answer.body);

/** Serves `demo` on Express: sign-in, `POST /demo/jobs` and the console, until SIGINT or SIGTERM. */
export function serveOnExpress(demo: Demo): void {
  const app = express();

  app.use(session({
    name: 'ops_demo_sid',
    secret: demo.sessionSecret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', maxAge: 8 * 60 * 60 * 1000 },
  }));
  app.use(express.urlencoded({ extended: false }), express.json());

  app.get('/', (_req, res) => res.redirect(LINKS.console));
  app.get('/login', (req, res) => {
    res.type('html').send(renderLoginPage({ current: sessionUser(req), consoleUrl: LINKS.console }));
  });
  app.post('/login', (req, res, next) => {
    const user: unknown = req.body?.user;
    if (!isRole(user)) {
      res.status(400).type('html').send(renderLoginPage({ error: 'Choose one of the demo users.', consoleUrl: LINKS.console }));
      return;
    }
    // A new session id on sign-in, so an id planted before it is worth nothing after.
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.user = user;
      res.redirect(303, LINKS.console);
    });
  });
  app.post('/logout', (req, res, next) => {
    req.session.destroy((error) => (error ? next(error) : res.clearCookie('ops_demo_sid').redirect(303, LINKS.login)));
  });
  app.post('/demo/jobs', async (req, res) => {
    send(res, await demo.enqueue({ user: sessionUser(req), contentType: req.get('content-type'), body: req.body }));
  });

  app.use(toExpress(demo.opsJobs));

  const clientErrors: ErrorRequestHandler = (error, _req, res, next) => {
    const answer = problemForClientError(error);
    if (answer) send(res, answer);
    else next(error);
  };
  app.use(clientErrors);

  serve(app, demo);
}
