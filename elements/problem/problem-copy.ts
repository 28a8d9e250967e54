import { API_ERROR_KINDS, ApiError } from '../api/api-error.ts';
import { msg } from '../shared/locale.ts';

/** What an error state says: a heading, an explanation and whether trying again can help. */
export interface ProblemCopy {
  readonly heading: string;
  readonly hint: string;
  readonly retry: boolean;
  /** Shown with the danger colour: something broke, rather than "not here" or "not you". */
  readonly bad: boolean;
}

/**
 * The words for an error, by its kind. `subject` names what was being loaded ("queue", "job"),
 * so a 404 reads "No such job".
 */
export function problemCopy(error: unknown, subject: string): ProblemCopy {
  if (!(error instanceof ApiError)) {
    return { heading: msg('Something went wrong'), hint: error instanceof Error ? error.message : String(error), retry: true, bad: true };
  }
  const detail = error.detail;
  switch (error.kind) {
    case API_ERROR_KINDS.signedOut:
      return {
        heading: msg('You are signed out'),
        hint: msg('Sign in to the application again (your session may have expired), then try again.'),
        retry: true,
        bad: false,
      };
    case API_ERROR_KINDS.forbidden:
      return {
        heading: msg('You are not allowed to see this'),
        hint: detail ? `${detail} ${msg('Ask an administrator if you need access.')}` : msg('Ask an administrator if you need access.'),
        retry: false,
        bad: false,
      };
    case API_ERROR_KINDS.notFound:
      return { heading: notFoundHeading(subject), hint: detail || msg('It does not exist, or no longer does.'), retry: false, bad: false };
    case API_ERROR_KINDS.network:
      return { heading: msg('Cannot reach the server'), hint: `${detail} ${msg('Check your connection, then try again.')}`, retry: true, bad: true };
    default:
      return { heading: error.title || msg('The server answered with an error'), hint: detail || `HTTP ${error.status}`, retry: true, bad: true };
  }
}

/** "No such job": each subject a whole phrase, as other languages inflect the noun. */
function notFoundHeading(subject: string): string {
  switch (subject) {
    case 'job': return msg('No such job');
    case 'queue': return msg('No such queue');
    case 'schedule': return msg('No such schedule');
    case 'audit record': return msg('No such audit record');
    case 'view': return msg('No such view');
    case 'page': return msg('No such page');
    default: return msg('Not found');
  }
}
