import { createAccess } from '../../../core/services/access.ts';
import { UnauthenticatedError } from '../../../core/errors.ts';
import { anonymousRequest } from '../anonymous-request.ts';
import type { Check } from '../context.ts';
import { failure, messageOf, passed, warning } from '../finding.ts';
import { withTimeout } from '../timeout.ts';

/** `currentActor` finds nobody in a request from nobody: the console is not open to anyone who reaches it. */
export const checkAnonymous: Check = async ({ config, timeoutMs }) => {
  const auth = config?.options.auth;
  if (auth === null || typeof auth !== 'object' || typeof auth.currentActor !== 'function') return [];
  const access = createAccess(auth, { error: () => {}, warn: () => {} });
  try {
    await withTimeout(access.actor(anonymousRequest()), timeoutMs, 'auth.currentActor()');
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      return [passed('auth.anonymous', 'A request without a session is signed out', 'auth.currentActor() found no operator in a request with no session, cookie or credentials.')];
    }
    return [warning('auth.anonymous', 'Could not ask auth.currentActor() about a request without a session', messageOf(error),
      'Make currentActor answer promptly; it runs on every request to the console.')];
  }
  return [failure('auth.anonymous', 'A request without a session is signed in',
    'auth.currentActor() returned an operator for a request with no session, cookie or credentials: anyone who reaches the console would be let in.',
    'Make currentActor return null when the request carries no signed-in user (read it from the session your sign-in sets, not from a default).')];
};
