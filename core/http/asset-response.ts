import { NotFoundError } from '../errors.ts';
import type { ConsoleAssets } from './console-assets.ts';
import { chooseContentCoding } from './content-coding.ts';
import { BASE_HEADERS } from './responses.ts';

/**
 * The one file name under `assets/` that never changes: a module that re-exports the current
 * bundle, for a page of the host's own to load the console by (`<script type="module"
 * src="/ops/jobs/assets/ops-jobs-console.js">`). It is revalidated on every use, and the hashed
 * files it leads to are still cached for a year.
 */
export const CONSOLE_LOADER = 'ops-jobs-console.js';

function loaderResponse(entry: string, request: Request): Response {
  const etag = `"${entry}"`;
  const headers: Record<string, string> = { ...BASE_HEADERS, 'cache-control': 'private, no-cache', etag };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const body = new TextEncoder().encode(`export * from './${entry}';\n`);
  return new Response(body, {
    status: 200,
    headers: { ...headers, 'content-type': 'text/javascript; charset=utf-8', 'content-length': String(body.byteLength) },
  });
}

/**
 * Serves one file of the console bundle. Names carry a content hash, so the file may be cached
 * for a year; it is sent precompressed when the browser accepts it.
 */
export async function serveAsset(assets: ConsoleAssets, name: string, request: Request): Promise<Response> {
  if (name === CONSOLE_LOADER) return loaderResponse(assets.entry, request);
  const asset = await assets.get(name);
  if (!asset) throw new NotFoundError('Asset', `The console has no file ${JSON.stringify(name.slice(0, 100))}.`);
  const encoding = chooseContentCoding(request, ['br', 'gzip']);
  const body = encoding === 'br' ? asset.brotli : encoding === 'gzip' ? asset.gzip : asset.identity;
  const headers: Record<string, string> = {
    ...BASE_HEADERS,
    'content-type': `${asset.type}; charset=utf-8`,
    'content-length': String(body.byteLength),
    'cache-control': 'private, max-age=31536000, immutable',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  return new Response(body, { status: 200, headers });
}
