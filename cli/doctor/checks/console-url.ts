import type { SessionResponse } from '../../../core/vocabulary/wire.ts';
import type { Check } from '../context.ts';
import { failure, messageOf, passed, warning, type Finding } from '../finding.ts';
import { bodySnippet, probe, underConsole } from '../probe.ts';

const URL_FIX = "--url must be the console's address as operators open it, such as https://your.host/ops/jobs; check that the proxy sends that path to the application and that it matches the `mount` option.";

async function sessionFinding(url: string, response: Response, signedIn: boolean): Promise<Finding> {
  const { status } = response;
  const type = response.headers.get('content-type') ?? '';
  if (status === 200 && type.startsWith('application/json')) {
    const session = (await response.json().catch(() => null)) as SessionResponse | null;
    if (session?.permissions) {
      const allowed = Object.entries(session.permissions).filter(([, allow]) => allow).map(([action]) => action);
      return passed('url.session', `The console answers at ${url} and signs the operator in`,
        `Signed in as ${session.actor.label ?? '(no label)'}; may ${allowed.length > 0 ? allowed.join(', ') : 'do nothing'}.`);
    }
  }
  if (status === 200) {
    return failure('url.session', `Something other than the console answered at ${url}`, `api/session answered 200 with ${type || 'no content type'}: ${await bodySnippet(response)}`, URL_FIX);
  }
  if (status === 401) {
    return signedIn
      ? failure('url.session', 'The console answered 401: the request was not signed in', 'auth.currentActor() found no operator in the request the proxy passed on, with the headers given.',
        "Pass the session of a signed-in operator, e.g. --header 'Cookie: <name>=<value>' copied from the browser; if that is what you passed, check that the proxy forwards cookies and the Host header, and that currentActor reads the session your sign-in sets.")
      : warning('url.session', 'Not checked as an operator', 'Without --header the console rightly answers 401, so the live stream cannot be checked either.',
        "Pass a signed-in operator's session: --header 'Cookie: <name>=<value>' (repeatable).");
  }
  if (status >= 300 && status < 400) {
    return failure('url.session', `Redirected to ${response.headers.get('location') ?? '(no location)'} (${status})`,
      'Something in front of the console (a sign-in proxy, a trailing-slash rule) redirects its API.',
      'Pass the cookie or header that proxy expects with --header, or point --url at the address that serves the console itself.');
  }
  if (status === 404) return failure('url.session', `Nothing answers at ${underConsole(url, 'api/session')} (404)`, await bodySnippet(response), URL_FIX);
  if (status === 403) {
    return failure('url.session', 'Refused with 403 before the console answered', `The console's session route needs only a signed-in operator; this came from in front of it: ${await bodySnippet(response)}`,
      'Check the proxy, firewall or access rules in front of the console for this path.');
  }
  return failure('url.session', `The console answered ${status}`, await bodySnippet(response), "See the application's log for the error behind it.");
}

async function pageFinding(url: string, headers: readonly (readonly [string, string])[], timeoutMs: number): Promise<Finding> {
  const page = await probe(underConsole(url, ''), headers, timeoutMs);
  const html = page.status === 200 ? await page.text() : '';
  const script = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !script) {
    await page.body?.cancel();
    return failure('url.page', `The console's page did not load (${page.status})`, 'The API answers, but the page under the mount does not.', URL_FIX);
  }
  const bundle = await probe(new URL(script, underConsole(url, '')).href, headers, timeoutMs);
  await bundle.body?.cancel();
  if (bundle.status !== 200) {
    return failure('url.page', `The console's script did not load (${bundle.status})`, `The page loads, but ${script} relative to it does not.`,
      "Send every path under the console's mount to the application, assets included.");
  }
  return passed('url.page', "The console's page and script load through this URL");
}

/** The mounted console answers at `--url`, as the operator the `--header`s sign in. */
export const checkConsoleUrl: Check = async ({ url, headers, timeoutMs }) => {
  if (url === null) return [];
  let response: Response;
  try {
    response = await probe(underConsole(url, 'api/session'), headers, timeoutMs, { accept: 'application/json' });
  } catch (error) {
    return [failure('url.session', `Could not reach ${url}`, messageOf(error), URL_FIX)];
  }
  const session = await sessionFinding(url, response, headers.length > 0);
  if (session.severity !== 'ok') return [session];
  try {
    return [session, await pageFinding(url, headers, timeoutMs)];
  } catch (error) {
    return [session, failure('url.page', "The console's page could not be fetched", messageOf(error), URL_FIX)];
  }
};
