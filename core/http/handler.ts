import { UnauthenticatedError } from '../errors.ts';
import { methodNotAllowed, noSuchRoute, notUnderMount } from '../problems.ts';
import type { Logger } from '../options.ts';
import type { Access } from '../services/access.ts';
import type { ServiceContext } from '../services/context.ts';
import { serveAsset } from './asset-response.ts';
import { serveBridge } from './bridge-response.ts';
import type { ConsoleBridge } from '../contracts/bridge.ts';
import { compressAnswer } from './compression.ts';
import type { ConsoleAssets } from './console-assets.ts';
import { openApiDocument } from './openapi.ts';
import { guardMutation } from './mutation-guard.ts';
import { readJsonBody } from './request-body.ts';
import { errorResponse, jsonResponse, problemResponse } from './responses.ts';
import { decodeParams, matchTemplate } from './router.ts';
import { API_ROUTES } from './routes.ts';
import { consoleShell, siteRelative } from './shell.ts';
import { forbiddenPage, signedOutPage } from './status-pages.ts';
import { observeRequest, type RouteNote } from './request-telemetry.ts';

export interface HandlerDependencies {
  readonly mount: string;
  readonly signInUrl: string | null;
  readonly signOutUrl: string | null;
  /** The console's locale, from the options; null for English. */
  readonly locale: string | null;
  readonly services: ServiceContext;
  readonly access: Access;
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly trustedOrigins: readonly string[];
  readonly assets: () => Promise<ConsoleAssets>;
  /** Served read-only under `{mount}/bridge/`, when the host configured one. */
  readonly bridge: ConsoleBridge | null;
}

/** Serves one request under the mount. */
export type Handler = (request: Request, hostRequest: unknown) => Promise<Response>;

function notAllowed(allow: string): Response {
  return problemResponse(methodNotAllowed(allow), { allow });
}

function withoutBody(response: Response, method: string): Response {
  return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

/** The last step for every answer: compressed as the client accepts, bodiless for HEAD. */
async function finish(response: Response, request: Request): Promise<Response> {
  return withoutBody(await compressAnswer(request, response), request.method);
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** The id that ties a request to its audit record and logs: the caller's X-Request-Id if sane. */
function correlationIdOf(request: Request): string {
  const given = request.headers.get('x-request-id');
  return given !== null && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export function createHandler(deps: HandlerDependencies): Handler {
  const { mount, access, logger } = deps;
  let openapi: unknown;
  const document = () => (openapi ??= openApiDocument(API_ROUTES, mount));

  async function api(path: string, request: Request, hostRequest: unknown, note: RouteNote): Promise<Response> {
    const allowed: string[] = [];
    note.route = '/api/*';
    for (const route of API_ROUTES) {
      const encoded = matchTemplate(route.template, path);
      if (!encoded) continue;
      note.route = `/api${route.template.path}`;
      const method = request.method === 'HEAD' ? 'GET' : request.method;
      if (route.method !== method) {
        allowed.push(route.method === 'GET' ? 'GET, HEAD' : route.method);
        continue;
      }
      const actor = await access.actor(hostRequest);
      const params = decodeParams(encoded);
      let body: unknown;
      if (route.method === 'POST') {
        guardMutation(request, deps.trustedOrigins);
        body = await readJsonBody(request, deps.maxBodyBytes);
      }
      const correlationId = correlationIdOf(request);
      const currentActor = () => access.actor(hostRequest).catch((error: unknown) => {
        if (error instanceof UnauthenticatedError) return null;
        throw error;
      });
      const result = await route.serve({
        actor, currentActor, params, query: new URL(request.url).searchParams, body, request, correlationId, services: deps.services, openapi: document,
      });
      const response = result instanceof Response ? result : jsonResponse(result);
      response.headers.set('x-correlation-id', correlationId);
      return response;
    }
    if (allowed.length > 0) {
      await access.actor(hostRequest);
      return notAllowed(allowed.join(', '));
    }
    // Unknown API paths still require a signed-in operator, so the API's shape is not probeable.
    await access.actor(hostRequest);
    throw noSuchRoute(path);
  }

  async function page(path: string, request: Request, hostRequest: unknown, note: RouteNote): Promise<Response> {
    if (path.startsWith('/assets/')) note.route = '/assets/{file}';
    if (request.method !== 'GET' && request.method !== 'HEAD') return notAllowed('GET, HEAD');
    let actor: unknown;
    try {
      actor = await access.actor(hostRequest);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return signedOutPage(deps.signInUrl && siteRelative(deps.signInUrl, deps.mount, path), deps.locale);
      throw error;
    }
    if (path.startsWith('/assets/')) return serveAsset(await deps.assets(), path.slice('/assets/'.length), request);
    const verdict = await access.gate(actor, 'queues.view', { type: 'console' });
    if (!verdict.allowed) {
      const onSite = (url: string | null) => url && siteRelative(url, deps.mount, path);
      return forbiddenPage(verdict.reason ?? null, { signOutUrl: onSite(deps.signOutUrl), signInUrl: onSite(deps.signInUrl) }, deps.locale);
    }
    return consoleShell(path, new URL(request.url).search, await deps.assets(), deps.locale);
  }

  async function serve(request: Request, hostRequest: unknown, note: RouteNote): Promise<Response> {
    const pathname = new URL(request.url).pathname;
    try {
      if (pathname === mount) {
        // The console's pages resolve everything relative to the mount root, which needs the slash.
        const location = `${mount.slice(mount.lastIndexOf('/') + 1)}/${new URL(request.url).search}`;
        return new Response(null, { status: 308, headers: { location, 'cache-control': 'no-store' } });
      }
      if (!pathname.startsWith(`${mount}/`)) {
        throw notUnderMount(mount);
      }
      const path = pathname.slice(mount.length);
      if (deps.bridge && (path === '/bridge' || path.startsWith('/bridge/'))) {
        note.route = '/bridge/*';
        const under = path.slice('/bridge'.length);
        return await finish(await serveBridge({
          bridge: deps.bridge, path: under, base: `${pathname.slice(0, pathname.length - under.length)}/`, request, hostRequest,
          correlationId: correlationIdOf(request), access, services: deps.services,
        }), request);
      }
      const response = path === '/api' || path.startsWith('/api/')
        ? await api(path.slice('/api'.length), request, hostRequest, note)
        : await page(path, request, hostRequest, note);
      return await finish(response, request);
    } catch (error) {
      // A signed-out console can offer the way back to the host's sign-in page.
      const answer = error instanceof UnauthenticatedError && deps.signInUrl !== null ? new UnauthenticatedError(siteRelative(deps.signInUrl, mount, '/')) : error;
      return finish(errorResponse(answer, logger), request);
    }
  }

  return (request, hostRequest) => observeRequest(request, (note) => serve(request, hostRequest, note));
}
