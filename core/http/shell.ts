import type { ConsoleAssets } from './console-assets.ts';
import { firstViewChunks, firstViewRequests } from './first-view-data.ts';
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

// The shell's only styles. Allowed by hash in its Content-Security-Policy, so no inline script
// or unhashed style is ever needed.
const SHELL_STYLE = 'html,body{margin:0;min-height:100%}body{background:Canvas;color:CanvasText;font-family:system-ui,sans-serif}main{max-width:32rem;margin:15vh auto;padding:0 1.5rem;line-height:1.5}a{color:LinkText}';

let styleHash: Promise<string> | undefined;
function shellStyleHash(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(SHELL_STYLE)).then((digest) => {
    let binary = '';
    for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  });
  return styleHash;
}

async function contentSecurityPolicy(): Promise<string> {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' ${await shellStyleHash()}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(title: string, head: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><link rel="icon" href="data:,"><title>${escapeHtml(title)}</title><style>${SHELL_STYLE}</style>${head}</head><body>${body}</body></html>`;
}

/**
 * The page that boots the console for any deep link under the mount. Everything its first view
 * needs is announced in the head, so the browser fetches it all at once as it reads the page:
 * the first view's API answers (`preload as=fetch`, claimed by the console's own `fetch` calls,
 * which match them in URL, mode and credentials), the entry script, the chunks it imports, and
 * the chunk of a view loaded on first use when the page opens on it. Nothing waits for the
 * script to run or for another answer.
 */
export async function consoleShell(pathUnderMount: string, search: string, assets: ConsoleAssets): Promise<Response> {
  const root = escapeHtml(rootFromPage(pathUnderMount));
  const data = firstViewRequests(pathUnderMount, search).map((path) => `<link rel="preload" as="fetch" crossorigin href="${root}${escapeHtml(path)}">`).join('');
  const script = `<script type="module" src="${root}assets/${escapeHtml(assets.entry)}"></script>`;
  const chunks = [...new Set([...assets.preload, ...firstViewChunks(pathUnderMount).flatMap((view) => assets.lazy(view))])]
    .map((name) => `<link rel="modulepreload" href="${root}assets/${escapeHtml(name)}">`).join('');
  const html = page('Jobs · ops-jobs', data + script + chunks, `<ops-jobs-console root="${root}"></ops-jobs-console>`);
  return htmlResponse(html, 200, { 'content-security-policy': await contentSecurityPolicy() });
}

/** The page a signed-out visitor sees instead of the console. */
export async function signedOutPage(signInUrl: string | null): Promise<Response> {
  const link = signInUrl === null ? '' : ` <a href="${escapeHtml(signInUrl)}">Sign in</a> to continue.`;
  const html = page('Sign in required · ops-jobs', '', `<main><h1>Sign in required</h1><p>The jobs console is only available to signed-in operators.${link}</p></main>`);
  return htmlResponse(html, 401, { 'content-security-policy': await contentSecurityPolicy() });
}

/** The page an operator without access to the console sees, with the host's reason if it gave one. */
export async function forbiddenPage(reason: string): Promise<Response> {
  const html = page('Not allowed · ops-jobs', '', `<main><h1>Not allowed</h1><p>${escapeHtml(reason)}</p></main>`);
  return htmlResponse(html, 403, { 'content-security-policy': await contentSecurityPolicy() });
}
