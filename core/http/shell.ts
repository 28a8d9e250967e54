import type { ConsoleAssets } from './console-assets.ts';
import { firstViewChunks, firstViewRequests } from './first-view-data.ts';
import { pageCopy } from './page-copy.ts';
import { htmlResponse } from './responses.ts';

/**
 * The relative path from a page under the mount back to the mount's root, ending in `/`. The
 * browser resolves it against the address it sees, so the console keeps working behind a proxy
 * that serves it under another prefix.
 */
export function rootFromPage(pathUnderMount: string): string {
  const depth = pathUnderMount.split('/').length - 2;
  return depth <= 0 ? './' : '../'.repeat(depth);
}

/**
 * A path on the host's site (such as `/login`) as a link relative to a page under the mount, so
 * that it still leads to the host's page behind a proxy that serves the site under a prefix.
 */
export function siteRelative(sitePath: string, mount: string, pathUnderMount: string): string {
  const mountDepth = mount.split('/').length - 1;
  return `${rootFromPage(pathUnderMount)}${'../'.repeat(mountDepth)}${sitePath.slice(1)}`;
}

// The shell's only styles. Every page's style is allowed by its hash in the page's
// Content-Security-Policy, so no inline script or unhashed style is ever needed.
const SHELL_STYLE = 'html,body{margin:0;min-height:100%}body{background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}main{max-width:32rem;margin:15vh auto;padding:0 1.5rem;line-height:1.5}a{color:LinkText}';

const styleHashes = new Map<string, Promise<string>>();
function styleHash(style: string): Promise<string> {
  let hash = styleHashes.get(style);
  if (!hash) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(style)).then((digest) => {
      let binary = '';
      for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
      return `'sha256-${btoa(binary)}'`;
    });
    styleHashes.set(style, hash);
  }
  return hash;
}

/** The policy of every page the console writes: its own scripts only, and `style` by hash. */
export async function contentSecurityPolicy(style: string): Promise<string> {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${await styleHash(style)}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A whole page in the language `lang`: `style` goes in its only `<style>`, allowed by hash. */
export function page(title: string, style: string, head: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${style}</style>${head}</head><body>${body}</body></html>`;
}

/**
 * The page that boots the console for any deep link under the mount. Everything its first view
 * needs is announced in the head, so the browser fetches it all at once as it reads the page:
 * the first view's API answers (`preload as=fetch`, claimed by the console's own `fetch` calls,
 * which match them in URL, mode and credentials), the entry script, the chunks it imports, and
 * the chunk of a view loaded on first use when the page opens on it. Nothing waits for the
 * script to run or for another answer. With a `locale`, the page is marked with the language of
 * the console's text and the console is told the locale.
 */
export async function consoleShell(pathUnderMount: string, search: string, assets: ConsoleAssets, locale: string | null = null): Promise<Response> {
  const root = escapeHtml(rootFromPage(pathUnderMount));
  const data = firstViewRequests(pathUnderMount, search).map((path) => `<link rel="preload" as="fetch" crossorigin href="${root}${escapeHtml(path)}">`).join('');
  const script = `<script type="module" src="${root}assets/${escapeHtml(assets.entry)}"></script>`;
  const chunks = [...new Set([...assets.preload, ...firstViewChunks(pathUnderMount).flatMap((view) => assets.lazy(view))])]
    .map((name) => `<link rel="modulepreload" href="${root}assets/${escapeHtml(name)}">`).join('');
  const copy = pageCopy(locale);
  const chosen = locale === null ? '' : ` locale="${escapeHtml(locale)}"`;
  const html = page(`${copy.brand} · ops-jobs`, SHELL_STYLE, data + script + chunks, `<ops-jobs-console root="${root}"${chosen}></ops-jobs-console>`, copy.lang);
  return htmlResponse(html, 200, { 'content-security-policy': await contentSecurityPolicy(SHELL_STYLE) });
}
