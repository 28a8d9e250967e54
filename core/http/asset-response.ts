import { NotFoundError } from '../errors.ts';
import type { ConsoleAssets } from './console-assets.ts';
import { chooseContentCoding } from './content-coding.ts';
import { BASE_HEADERS } from './responses.ts';

/**
 * Serves one file of the console bundle. Names carry a content hash, so the file may be cached
 * for a year; it is sent precompressed when the browser accepts it.
 */
export async function serveAsset(assets: ConsoleAssets, name: string, request: Request): Promise<Response> {
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
