// Real Express and Koa servers on 127.0.0.1, mounting the console as a host application would.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import { toExpress } from '../../../adapters/express/index.ts';
import { toKoa } from '../../../adapters/koa/index.ts';
import type { Action, AuthSeam, OpsJobs, Resource } from '../../../core/index.ts';

export interface RunningHost {
  readonly name: 'express' | 'koa';
  readonly url: string;
  /** The request objects `currentActor` received, to check they are the framework's own. */
  close(): Promise<void>;
}

export type HostName = RunningHost['name'];
export const HOSTS: readonly HostName[] = ['express', 'koa'];

async function listen(server: Server): Promise<string> {
  if (!server.listening) await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

function closer(server: Server) {
  return () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

export interface HostOptions {
  /**
   * Stands in for the host's session middleware: the `x-test-user` header becomes
   * `session.user` on the framework's request, where the demo's policies read it.
   */
  readonly sessionFromHeader?: boolean;
  /** Koa parses JSON bodies with @koa/bodyparser before the console. */
  readonly koaBodyParser?: boolean;
  /** Express parses JSON bodies with express.json() before the console; default true. */
  readonly expressBodyParser?: boolean;
}

/** Starts a host on a free port with the console mounted and one route of the host's own at `/host`. */
export async function startHost(name: HostName, opsJobs: OpsJobs<never>, options: HostOptions = {}): Promise<RunningHost> {
  if (name === 'express') {
    const app = express();
    if (options.sessionFromHeader) {
      app.use((req, _res, next) => {
        (req as unknown as { session: unknown }).session = { user: req.get('x-test-user') };
        next();
      });
    }
    if (options.expressBodyParser !== false) app.use(express.json());
    app.use(toExpress(opsJobs as OpsJobs<express.Request>));
    app.get('/host', (_req, res) => void res.type('text/plain').send('host route'));
    const server = app.listen(0, '127.0.0.1');
    return { name, url: await listen(server), close: closer(server) };
  }
  const app = new Koa();
  if (options.sessionFromHeader) {
    app.use(async (ctx, next) => {
      (ctx as unknown as { session: unknown }).session = { user: ctx.get('x-test-user') };
      await next();
    });
  }
  if (options.koaBodyParser) app.use(bodyParser());
  app.use(toKoa(opsJobs as OpsJobs<Koa.Context>));
  app.use(async (ctx) => {
    if (ctx.path === '/host') ctx.body = 'host route';
  });
  const server = app.listen(0, '127.0.0.1');
  return { name, url: await listen(server), close: closer(server) };
}

/**
 * An auth seam for a host's framework request: the operator is the `x-test-user` header's value
 * (signed out without it), and `allow` decides what each may do.
 */
export function headerUserAuth(allow: (user: string, action: Action, resource: Resource) => boolean): AuthSeam {
  return {
    currentActor: (hostRequest) => {
      const user = (hostRequest as { get(name: string): string | undefined }).get('x-test-user');
      return user ? { user } : null;
    },
    authorize: (actor, action, resource) => allow((actor as { user: string }).user, action, resource),
    auditPrincipal: (actor) => ({ id: (actor as { user: string }).user, type: 'user', label: (actor as { user: string }).user }),
  };
}
