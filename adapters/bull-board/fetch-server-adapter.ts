import { join } from 'node:path';
import type { AppControllerRoute, AppViewRoute, BullBoardQueues, ControllerHandlerReturnType, IServerAdapter, UIConfig } from '@bull-board/api/typings/app';
import { staticFile } from './static-files.ts';

type RenderFile = (path: string, data: Record<string, unknown>) => Promise<string>;

interface Route<Handler> {
  readonly patterns: readonly URLPattern[];
  readonly handler: Handler;
}

function patternsOf(route: string | string[]): URLPattern[] {
  return (Array.isArray(route) ? route : [route]).map((pathname) => new URLPattern({ pathname }));
}

function takesGet(method: string | string[]): boolean {
  return (Array.isArray(method) ? method : [method]).includes('get');
}

/** A query string as bull-board's handlers read it: one value per name, or a list when repeated. */
function queryOf(params: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name);
    query[name] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });
}

/**
 * bull-board's server port (`IServerAdapter`) over the Fetch API, so that the console serves
 * bull-board itself, with its own sign-in and checks, under any host framework. Only bull-board's
 * GET routes are taken: the rest change queues and jobs, and the bridge is read-only.
 */
export class FetchServerAdapter implements IServerAdapter {
  #queues: BullBoardQueues | undefined;
  #uiConfig: UIConfig = {};
  #views = '';
  #statics: { route: string; root: string } | undefined;
  #entry: Route<AppViewRoute['handler']> | undefined;
  #api: Route<AppControllerRoute['handler']>[] = [];
  #errorHandler: ((error: Error) => ControllerHandlerReturnType) | undefined;
  readonly #renderFile: RenderFile;

  constructor(renderFile: RenderFile) {
    this.#renderFile = renderFile;
  }

  setQueues(queues: BullBoardQueues): this {
    this.#queues = queues;
    return this;
  }

  setViewsPath(path: string): this {
    this.#views = path;
    return this;
  }

  setStaticPath(route: string, root: string): this {
    this.#statics = { route: route.endsWith('/') ? route : `${route}/`, root };
    return this;
  }

  setEntryRoute(route: AppViewRoute): this {
    this.#entry = { patterns: patternsOf(route.route), handler: route.handler };
    return this;
  }

  setErrorHandler(handler: (error: Error) => ControllerHandlerReturnType): this {
    this.#errorHandler = handler;
    return this;
  }

  setApiRoutes(routes: AppControllerRoute[]): this {
    this.#api = routes.filter((route) => takesGet(route.method)).map((route) => ({ patterns: patternsOf(route.route), handler: route.handler.bind(route) }));
    return this;
  }

  setUIConfig(config: UIConfig = {}): this {
    this.#uiConfig = config;
    return this;
  }

  /** Answers a GET for `path` (under the bridge, starting with `/`); `base` is the bridge's absolute path. */
  async handle(request: Request, path: string, base: string): Promise<Response> {
    if (this.#statics && path.startsWith(this.#statics.route)) {
      return (await staticFile(this.#statics.root, path.slice(this.#statics.route.length))) ?? json(404, { error: 'Not found' });
    }
    for (const route of this.#api) {
      const params = route.patterns.map((pattern) => pattern.exec({ pathname: path })).find((match) => match !== null)?.pathname.groups;
      if (!params) continue;
      try {
        const answer = await route.handler({
          queues: this.#queues ?? new Map(),
          uiConfig: this.#uiConfig,
          query: queryOf(new URL(request.url).searchParams),
          params,
          body: {},
          headers: Object.fromEntries(request.headers),
        });
        return json(answer.status ?? 200, answer.body);
      } catch (error) {
        const answer = this.#errorHandler?.(error instanceof Error ? error : new Error(String(error))) ?? { status: 500, body: { error: 'Internal error' } };
        return json(answer.status ?? 500, answer.body);
      }
    }
    if (this.#entry?.patterns.some((pattern) => pattern.test({ pathname: path }))) {
      const view = this.#entry.handler({ basePath: base, uiConfig: this.#uiConfig });
      const html = await this.#renderFile(join(this.#views, view.name), view.params);
      return new Response(html, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    }
    return json(404, { error: 'Not found' });
  }
}
