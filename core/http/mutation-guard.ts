import { crossSiteRefused, jsonRequired } from '../problems.ts';

// The content types a plain HTML form can send without JavaScript (and without a CORS preflight).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Refuses a mutation unless it comes from the console's own origin (or one the host trusts) and
 * carries JSON. Browsers that send `Sec-Fetch-Site` are judged by it; otherwise `Origin` must match.
 * A request with neither is refused: a missing header is a no.
 */
export function guardMutation(request: Request, trustedOrigins: readonly string[]): void {
  const site = request.headers.get('sec-fetch-site');
  const origin = request.headers.get('origin');
  if (site !== null) {
    if (site !== 'same-origin') throw crossSiteRefused(`Changes must come from the console's own pages (Sec-Fetch-Site was ${JSON.stringify(site.slice(0, 30))}).`);
  } else if (origin === null) {
    throw crossSiteRefused('Changes must come from the console\'s own pages: the request had neither a Sec-Fetch-Site nor an Origin header.');
  } else if (origin !== new URL(request.url).origin && !trustedOrigins.includes(origin)) {
    throw crossSiteRefused('Changes must come from the console\'s own origin.');
  }
  const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (FORM_TYPES.includes(type)) throw crossSiteRefused('Form posts cannot change anything here; the console sends JSON.');
  if (type !== 'application/json') throw jsonRequired();
}
