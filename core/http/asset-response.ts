import { NotFoundError } from '../errors.ts';
import type { ConsoleAssets } from './console-assets.ts';
import { BASE_HEADERS } from './responses.ts';

function accepts(request: Request, encoding: string): boolean {
  const header = request.headers.get('accept-encoding') ?? '';
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    const quality = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    return name?.trim().toLowerCase() === encoding && (quality === undefined || Number(quality.slice(2)) > 0);
  });
}

/**
 * Serves one file of the console bundle. Names carry a content hash, so the file may be cached
 * for a year; it is sent precompressed when the browser accepts it.
 */
export async function serveAsset(assets: ConsoleAssets, name: string, request: Request): Promise<Response> {
  const asset = await assets.get(name);
  if (!asset) throw new NotFoundError('Asset', `The console has no file ${JSON.stringify(name.slice(0, 100))}.`);
  const [body, encoding] = accepts(request, 'br') ? [asset.brotli, 'br'] : accepts(request, 'gzip') ? [asset.gzip, 'gzip'] : [asset.identity, null];
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
