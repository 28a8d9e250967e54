import { ConflictError, ProblemError } from './errors.ts';
import { PROBLEM_TYPES } from './vocabulary/problem-types.ts';

// The problems raised in one place each. Their status, type and title always travel together, so
// each has a factory; the common ones (bad input, not found, forbidden, signed out) are the classes
// in errors.ts.

/** 404: no preview has this token. */
export function previewNotFound(): ProblemError {
  return new ProblemError(404, PROBLEM_TYPES.previewNotFound, 'Unknown preview', 'No preview has this token. Preview the action first.');
}

/** 403: the preview was made by another operator. */
export function previewOfAnotherOperator(): ProblemError {
  return new ProblemError(403, PROBLEM_TYPES.previewOtherOperator, 'Preview of another operator',
    'This preview was made by another operator; previews cannot be shared. Preview the action yourself.');
}

/** 410: the preview's time ran out. */
export function previewExpired(): ProblemError {
  return new ProblemError(410, PROBLEM_TYPES.previewExpired, 'Preview expired', 'This preview has expired. Preview again to see the current set of jobs.');
}

/** 409: the preview was already executed. */
export function previewUsed(): ConflictError {
  return new ConflictError(PROBLEM_TYPES.previewUsed, 'Preview already used', 'This preview was already executed. Preview again to act again.');
}

/** 409: `changed` of the `planned` previewed jobs changed state or disappeared since the preview. */
export function planDrift(changed: number, planned: number): ConflictError {
  return new ConflictError(PROBLEM_TYPES.planDrift, 'The jobs changed since the preview',
    `${changed} of the ${planned} previewed jobs changed state or disappeared since the preview. Preview again to see the current set.`,
    { changed });
}

/** 409: the schedule was changed or removed since the preview. */
export function scheduleDrift(queue: string, key: string, how: 'changed' | 'removed'): ConflictError {
  return new ConflictError(PROBLEM_TYPES.planDrift, 'The schedule changed since the preview',
    `The schedule ${JSON.stringify(key)} of queue ${JSON.stringify(queue)} was ${how === 'removed' ? 'removed' : 'changed (its expression, time zone or data)'} since the preview. Preview again to see where it stands.`,
    { changed: 1 });
}

/** 409: the queue was paused or resumed (or removed) by someone else since the preview. */
export function queueDrift(queue: string): ConflictError {
  return new ConflictError(PROBLEM_TYPES.planDrift, 'The queue changed since the preview',
    `Queue ${JSON.stringify(queue)} was paused, resumed or removed since the preview. Preview again to see where it stands.`,
    { changed: 1 });
}

/** 409: settings a `queue.configure` changes were changed by someone else (or the queue removed) since the preview. */
export function settingsDrift(queue: string, settings: readonly string[]): ConflictError {
  return new ConflictError(PROBLEM_TYPES.planDrift, 'The queue changed since the preview',
    settings.length === 0
      ? `Queue ${JSON.stringify(queue)} was removed since the preview.`
      : `The settings ${settings.join(', ')} of queue ${JSON.stringify(queue)} changed since the preview. Preview again to see where they stand.`,
    { changed: Math.max(settings.length, 1), settings: [...settings] });
}

/** 422: the Idempotency-Key was first sent with another request. */
export function idempotencyKeyReused(): ProblemError {
  return new ProblemError(422, PROBLEM_TYPES.idempotencyKeyReused, 'Idempotency key reused',
    'This Idempotency-Key was first sent with another request (another preview or reason). Use a new key for a new request.');
}

/** 403: the host's `auditPrincipal` gave no identity to record an action under. */
export function noAuditPrincipal(): ProblemError {
  return new ProblemError(403, PROBLEM_TYPES.noAuditPrincipal, 'No audit identity',
    'The console could not tell who you are for the audit log, so it cannot act on your behalf. Ask the administrator to check auditPrincipal().');
}

/** 403: an unsafe request that did not come from the console's own pages. */
export function crossSiteRefused(detail: string): ProblemError {
  return new ProblemError(403, PROBLEM_TYPES.crossSiteRefused, 'Cross-site request refused', detail);
}

/** 415: a change whose body is not JSON. */
export function jsonRequired(): ProblemError {
  return new ProblemError(415, PROBLEM_TYPES.unsupportedMediaType, 'JSON required', 'Send the body as application/json.');
}

/** 413: a body over `limit` bytes. */
export function bodyTooLarge(limit: number): ProblemError {
  return new ProblemError(413, PROBLEM_TYPES.bodyTooLarge, 'Body too large', `Request bodies are limited to ${limit} bytes.`, { limit });
}

/** 405: the route answers only the methods in `allow`. */
export function methodNotAllowed(allow: string): ProblemError {
  return new ProblemError(405, PROBLEM_TYPES.methodNotAllowed, 'Method not allowed', `Use ${allow}.`);
}

/** 405: a request that would change something through a bridge, which the console serves read-only. */
export function bridgeReadOnly(bridge: string): ProblemError {
  return new ProblemError(405, PROBLEM_TYPES.methodNotAllowed, 'The bridge is read-only',
    `${bridge} is served read-only under the console: only GET and HEAD reach it. Act on jobs in the console, where every action is previewed, reasoned and audited.`);
}

/** 404: a path under the API that no route serves. */
export function noSuchRoute(path: string): ProblemError {
  return new ProblemError(404, PROBLEM_TYPES.notFound, 'No such route', `There is no API route ${JSON.stringify(path)}. See api/openapi.json.`);
}

/** 404: a path the handler was given that is not under the console's mount. */
export function notUnderMount(mount: string): ProblemError {
  return new ProblemError(404, PROBLEM_TYPES.notFound, 'Not under the console', `The console answers only under ${mount}/.`);
}

/** 500: anything unexpected, answered without its details, which go to the server log. */
export function internalError(): ProblemError {
  return new ProblemError(500, PROBLEM_TYPES.internal, 'Internal error', 'The console could not complete this request. The details are in the server log.');
}
