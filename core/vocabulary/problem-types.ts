/**
 * Every problem type the console answers with. On the wire each is a URN under
 * `PROBLEM_TYPE_PREFIX` (`urn:ops-jobs:problem:plan-drift`); clients branch on these, so they are
 * stable.
 */
export const PROBLEM_TYPES = Object.freeze({
  /** 400: a parameter or body field is malformed; `parameter` names it. */
  invalidInput: 'invalid-input',
  /** 401: no operator is signed in. */
  unauthenticated: 'unauthenticated',
  /** 403: the operator may not take this action. */
  forbidden: 'forbidden',
  /** 403: the host's `auditPrincipal` gave no identity to record an action under. */
  noAuditPrincipal: 'no-audit-principal',
  /** 403: an unsafe request from another site. */
  crossSiteRefused: 'cross-site-refused',
  /** 403: the preview was made by another operator. */
  previewOtherOperator: 'preview-other-operator',
  /** 404: no such queue, job, audit record, route or asset. */
  notFound: 'not-found',
  /** 404: no preview has this token. */
  previewNotFound: 'preview-not-found',
  /** 405: the route does not answer this method. */
  methodNotAllowed: 'method-not-allowed',
  /** 409: the preview was already executed. */
  previewUsed: 'preview-used',
  /** 409: the previewed jobs changed state since the preview. */
  planDrift: 'plan-drift',
  /** 410: the preview's time ran out. */
  previewExpired: 'preview-expired',
  /** 413: the body is larger than the console accepts. */
  bodyTooLarge: 'body-too-large',
  /** 415: the body is not JSON. */
  unsupportedMediaType: 'unsupported-media-type',
  /** 422: the Idempotency-Key was first sent with another request. */
  idempotencyKeyReused: 'idempotency-key-reused',
  /** 500: anything unexpected; the details are in the server log. */
  internal: 'internal',
} as const);

export type ProblemType = (typeof PROBLEM_TYPES)[keyof typeof PROBLEM_TYPES];

/** The namespace of the console's problem types on the wire. */
export const PROBLEM_TYPE_PREFIX = 'urn:ops-jobs:problem:';

const ALL_PROBLEM_TYPES: readonly string[] = Object.freeze(Object.values(PROBLEM_TYPES));

/** The wire form of a problem type: `urn:ops-jobs:problem:plan-drift`. */
export function problemTypeUri(type: ProblemType): string {
  return PROBLEM_TYPE_PREFIX + type;
}

/** The console's problem type a problem document's `type` names, or null for any other URI. */
export function problemTypeOf(uri: string): ProblemType | null {
  if (!uri.startsWith(PROBLEM_TYPE_PREFIX)) return null;
  const type = uri.slice(PROBLEM_TYPE_PREFIX.length);
  return ALL_PROBLEM_TYPES.includes(type) ? (type as ProblemType) : null;
}
