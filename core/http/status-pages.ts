import { colorDeclarations, FONT_FAMILY } from '../vocabulary/design-tokens.ts';
import { htmlResponse } from './responses.ts';
import { pageCopy, type PageCopy } from './page-copy.ts';
import { contentSecurityPolicy, escapeHtml, page } from './shell.ts';

// The signed-out and not-allowed pages wear the console's colours (the same tokens, light and
// dark), so an operator who lands on one knows where they are.
const STATUS_STYLE = [
  `:root{color-scheme:light dark;${colorDeclarations()}}`,
  `*{box-sizing:border-box}html,body{margin:0;min-height:100%}`,
  `body{display:grid;place-items:center;min-height:100vh;padding:1rem;background:var(--_bg);color:var(--_text);font:0.9375rem/1.5 ${FONT_FAMILY}}`,
  `main{width:min(30rem,100%);padding:1.75rem;border:1px solid var(--_border);border-radius:12px;background:var(--_surface);box-shadow:0 12px 32px -12px rgb(16 24 40/18%)}`,
  `.brand{display:flex;align-items:center;gap:0.6rem;margin:0 0 1.25rem;font-weight:650}`,
  `.logo{display:grid;place-items:center;width:1.85rem;height:1.85rem;border-radius:7px;color:#fff;background:var(--_brand)}`,
  `.logo svg{width:1.05rem;height:1.05rem}`,
  `h1{margin:0 0 0.5rem;font-size:1.375rem;line-height:1.25}`,
  `p{margin:0 0 0.75rem}.muted{color:var(--_muted)}`,
  `.reason{padding:0.6rem 0.8rem;border-inline-start:3px solid var(--_border-strong);border-radius:4px;background:var(--_surface-muted)}`,
  `.actions{display:flex;flex-wrap:wrap;gap:0.5rem;margin-top:1.25rem}`,
  `.actions a{display:inline-flex;align-items:center;min-height:2.5rem;padding:0.5rem 1rem;border:1px solid var(--_border-strong);border-radius:6px;color:var(--_text);background:var(--_surface);font-weight:500;text-decoration:none}`,
  `.actions a:hover{background:var(--_surface-muted)}`,
  `.actions a.primary{color:var(--_on-accent);background:var(--_accent);border-color:var(--_accent)}`,
  `a:focus-visible{outline:2px solid var(--_focus);outline-offset:2px}`,
].join('');

const LOGO = '<span class="logo" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="m12 3 9 5-9 5-9-5z"/><path d="m3 13 9 5 9-5"/></svg></span>';

/** A link on a status page; the first one offered is the way forward and looks it. */
interface PageLink {
  readonly href: string;
  readonly label: string;
}

async function statusPage(copy: PageCopy, status: 401 | 403, title: string, body: string, links: readonly PageLink[]): Promise<Response> {
  // Reloading the same address is always offered, so no status page is a dead end.
  const all = [...links, { href: '', label: copy.tryAgain }];
  const actions = all.map((link, index) => `<a${index === 0 ? ' class="primary"' : ''} href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`).join('');
  const html = page(`${title} · ops-jobs`, STATUS_STYLE, '', `<main><p class="brand">${LOGO}${escapeHtml(copy.brand)}</p><h1>${escapeHtml(title)}</h1>${body}<nav class="actions" aria-label="${escapeHtml(copy.whatYouCanDo)}">${actions}</nav></main>`, copy.lang);
  return htmlResponse(html, status, { 'content-security-policy': await contentSecurityPolicy(STATUS_STYLE) });
}

/**
 * The page a signed-out visitor sees instead of the console, leading to the host's sign-in page if
 * it gave one; in the console's `locale` (English when null).
 */
export function signedOutPage(signInUrl: string | null, locale: string | null = null): Promise<Response> {
  const copy = pageCopy(locale);
  const next = `<p class="muted">${escapeHtml(signInUrl === null ? copy.signInThenTryAgain : copy.sessionMayHaveEnded)}</p>`;
  return statusPage(copy, 401, copy.signInRequired, `<p>${escapeHtml(copy.onlySignedIn)}</p>${next}`, signInUrl === null ? [] : [{ href: signInUrl, label: copy.signIn }]);
}

/** Where a signed-in operator without access can go: the host's sign-out or switch-user page, or its sign-in page. */
export interface ForbiddenLinks {
  readonly signOutUrl: string | null;
  readonly signInUrl: string | null;
}

/**
 * The page an operator without access to the console sees: what happened, the host's reason if
 * it gave one, and a way to sign out or switch user when the host offers one; in the console's
 * `locale` (English when null).
 */
export function forbiddenPage(reason: string | null, links: ForbiddenLinks, locale: string | null = null): Promise<Response> {
  const copy = pageCopy(locale);
  const given = reason === null ? '' : `<p class="reason">${escapeHtml(reason)}</p>`;
  const way = links.signOutUrl !== null
    ? { href: links.signOutUrl, label: copy.signOutOrSwitch }
    : links.signInUrl !== null
      ? { href: links.signInUrl, label: copy.signInAsSomeoneElse }
      : null;
  const body = `<p>${escapeHtml(copy.signedInButNoAccess)}</p>${given}<p class="muted">${escapeHtml(way ? copy.askForAccessOrSwitch : copy.askForAccess)}</p>`;
  return statusPage(copy, 403, copy.noAccess, body, way ? [way] : []);
}
