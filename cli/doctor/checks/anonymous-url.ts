import type { Check } from '../context.ts';
import { failure, passed } from '../finding.ts';
import { probe, underConsole } from '../probe.ts';

/** Without credentials, the console at `--url` signs nobody in. */
export const checkAnonymousUrl: Check = async ({ url, timeoutMs }) => {
  if (url === null) return [];
  let response: Response;
  try {
    response = await probe(underConsole(url, 'api/session'), [], timeoutMs, { accept: 'application/json' });
  } catch {
    // Unreachable: url.session says so.
    return [];
  }
  await response.body?.cancel();
  if (response.status >= 200 && response.status < 300) {
    return [failure('url.anonymous', `Anyone who reaches ${url} is signed in`, `api/session answered ${response.status} to a request with no cookie or credentials.`,
      'Make auth.currentActor return null when the request carries no signed-in user, or put the console behind your sign-in.')];
  }
  return [passed('url.anonymous', 'A request without credentials is refused', `api/session answered ${response.status} to a request with no cookie or credentials.`)];
};
