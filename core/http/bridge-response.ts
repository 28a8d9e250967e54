import type { ConsoleBridge } from '../contracts/bridge.ts';
import type { Access } from '../services/access.ts';
import { recordBridgeOpened, requireBridgeAccess } from '../services/bridge.ts';
import type { ServiceContext } from '../services/context.ts';
import { bridgeReadOnly } from '../problems.ts';
import { BASE_HEADERS, problemResponse } from './responses.ts';

// The bridge's pages are the other dashboard's own: its inline styles are allowed, nothing else
// from outside this origin (web fonts it asks for are not loaded), and it may not be framed.
const BRIDGE_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

export interface BridgeRequest {
  readonly bridge: ConsoleBridge;
  /** The path under `{mount}/bridge`: empty, `/`, or `/…`. */
  readonly path: string;
  /** The bridge's absolute path as asked for, ending in `/`. */
  readonly base: string;
  readonly request: Request;
  readonly hostRequest: unknown;
  readonly correlationId: string;
  readonly access: Access;
  readonly services: ServiceContext;
}

/**
 * Serves the bridge to a signed-in operator with `bridge.view`, read-only whatever the bridge
 * itself allows: any method but GET and HEAD is refused before it reaches the bridge. Opening its
 * page is recorded in the audit log first.
 */
export async function serveBridge(input: BridgeRequest): Promise<Response> {
  const { bridge, path, request, access } = input;
  const actor = await access.actor(input.hostRequest);
  await requireBridgeAccess(input.services, actor);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return problemResponse(bridgeReadOnly(bridge.name), { allow: 'GET, HEAD' });
  }
  if (path === '') {
    return new Response(null, { status: 308, headers: { ...BASE_HEADERS, location: 'bridge/', 'cache-control': 'no-store' } });
  }
  const answer = await bridge.handle(new Request(request.url, { method: 'GET', headers: request.headers }), path, input.base);
  const page = (answer.headers.get('content-type') ?? '').startsWith('text/html');
  if (page) await recordBridgeOpened(input.services, actor, bridge.name, input.correlationId);
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(BASE_HEADERS)) headers.set(name, value);
  if (page) {
    headers.set('content-security-policy', BRIDGE_CSP);
    headers.set('cache-control', 'no-store');
  }
  return new Response(answer.body, { status: answer.status, headers });
}
