import { PROBLEM_TYPES, type ProblemType } from './vocabulary/problem-types.ts';

/**
 * An error that knows how it is answered over HTTP, as an RFC 9457 problem. `type` is one of the
 * console's problem types, sent as a URN under its problem namespace. Problems raised in one place
 * are made by the factories in problems.ts.
 */
export class ProblemError extends Error {
  readonly status: number;
  readonly type: ProblemType;
  readonly title: string;
  /** Extra members of the problem document, such as the offending parameter. */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(status: number, type: ProblemType, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(detail);
    this.name = 'ProblemError';
    this.status = status;
    this.type = type;
    this.title = title;
    this.extensions = extensions;
  }
}

/** Bad input from the client: answered 400, naming the parameter at fault. */
export class InvalidInputError extends ProblemError {
  constructor(parameter: string, detail: string) {
    super(400, PROBLEM_TYPES.invalidInput, 'Invalid input', detail, { parameter });
    this.name = 'InvalidInputError';
  }
}

export class NotFoundError extends ProblemError {
  constructor(what: string, detail: string) {
    super(404, PROBLEM_TYPES.notFound, `${what} not found`, detail);
    this.name = 'NotFoundError';
  }
}

export class UnauthenticatedError extends ProblemError {
  /** @param signIn - the host's sign-in page, relative to the console's mount root, when it has one. */
  constructor(signIn?: string) {
    super(401, PROBLEM_TYPES.unauthenticated, 'Sign in required', 'No operator is signed in for this request.', signIn === undefined ? {} : { signIn });
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends ProblemError {
  constructor(action: string, reason?: string) {
    super(403, PROBLEM_TYPES.forbidden, 'Not allowed', reason ?? `You may not perform ${action}.`, { action });
    this.name = 'ForbiddenError';
  }
}

/**
 * A refusal because the host's `authorize` threw or answered something that is not a decision.
 * Answered exactly like `ForbiddenError`; kept apart so telemetry can tell a broken policy from a no.
 */
export class AuthorizationFailedError extends ForbiddenError {
  constructor(action: string) {
    super(action);
    this.name = 'ForbiddenError';
  }
}

/** A host option that is missing or malformed, thrown by `createOpsJobs`. */
export class OptionsError extends Error {
  readonly option: string;
  constructor(option: string, message: string) {
    super(`ops-jobs: option \`${option}\` ${message}`);
    this.name = 'OptionsError';
    this.option = option;
  }
}

/** The request conflicts with the current state: a token already used, or a plan that drifted. */
export class ConflictError extends ProblemError {
  constructor(type: ProblemType, title: string, detail: string, extensions: Record<string, unknown> = {}) {
    super(409, type, title, detail, extensions);
    this.name = 'ConflictError';
  }
}

/**
 * An engine's action that failed part way, after changing `affected` jobs: thrown by an engine
 * whose jobs change one command at a time (outside any transaction), so that the audit record of
 * the failed action still says how many jobs it changed.
 */
export class PartlyAppliedError extends Error {
  readonly affected: number;
  constructor(affected: number, cause: unknown) {
    super(`${cause instanceof Error ? cause.message : String(cause)} (${affected} job${affected === 1 ? ' was' : 's were'} changed before it failed)`, { cause });
    this.name = 'PartlyAppliedError';
    this.affected = affected;
  }
}
