import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A file of `root`, by its path relative to it; null for anything outside `root`, any file that is
 * not there, and any kind of file the bridge has no business serving.
 */
export async function staticFile(root: string, relativePath: string): Promise<Response | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath);
  } catch {
    return null;
  }
  const path = resolve(root, `.${sep}${decoded}`);
  const type = TYPES[extname(path).toLowerCase()];
  if (!path.startsWith(`${resolve(root)}${sep}`) || decoded.includes('\0') || type === undefined) return null;
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return null;
  }
  return new Response(new Uint8Array(body), { status: 200, headers: { 'content-type': type, 'cache-control': 'private, max-age=3600' } });
}
