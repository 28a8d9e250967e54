import { problemTypeOf, type ProblemType } from '../../core/vocabulary/problem-types.ts';

/**
 * A failed console API call, whether the server answered with a problem document or the request
 * never reached it. Views decide what to show from `kind`.
 */

/** Why a call failed, as an operator needs to know it. */
export const API_ERROR_KINDS = Object.freeze({
  /** 401: no operator is signed in. */
  signedOut: 'signed-out',
  /** 403: the operator may not see this. */
  forbidden: 'forbidden',
  /** 404: no such queue, job or route. */
  notFound: 'not-found',
  /** The request did not reach the server, or its answer could not be read. */
  network: 'network',
  /** Any other error status. */
  server: 'server',
} as const);

export type ApiErrorKind = (typeof API_ERROR_KINDS)[keyof typeof API_ERROR_KINDS];

/** What the console knows about one failed call; `status` is 0 when there was no HTTP answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly kind: ApiErrorKind;
  /** The problem type from the server, or `about:blank` when there was none. */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  /** For `invalid-input`: the field at fault (`reason`, `target.ids`, ...); otherwise null. */
  readonly parameter: string | null;
  /** On a 401: where the host's sign-in page is, as an absolute URL, when it said; otherwise null. */
  readonly signIn: string | null;

  constructor(status: number, type: string, title: string, detail: string, parameter: string | null = null, signIn: string | null = null) {
    super(detail || title);
    this.name = 'ApiError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.parameter = parameter;
    this.signIn = signIn;
    this.kind = kindOf(status);
  }

  /** The console's problem type without its namespace (`plan-drift`), or null for any other type. */
  get code(): ProblemType | null {
    return problemTypeOf(this.type);
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 0) return API_ERROR_KINDS.network;
  if (status === 401) return API_ERROR_KINDS.signedOut;
  if (status === 403) return API_ERROR_KINDS.forbidden;
  if (status === 404) return API_ERROR_KINDS.notFound;
  return API_ERROR_KINDS.server;
}

/** Whether `error` is the rejection of an aborted fetch, which no view should ever display. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Whether `error` is the server's considered answer about what was asked for (no such job, not
 * allowed), which asking again will not change: not a failure to get an answer (network, server
 * error, too many requests) and not a signed-out session.
 */
export function isFinalAnswer(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && ![401, 408, 429].includes(error.status);
}
