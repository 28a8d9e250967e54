/** A response the demo's own routes give, written out by whichever framework hosts them. */
export interface DemoResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** An RFC 9457 problem document, in the same shape the console's API uses. `type` is a short name. */
export function problem(status: number, type: string, title: string, detail: string, extensions: Record<string, unknown> = {}): DemoResponse {
  return {
    status,
    contentType: 'application/problem+json',
    body: JSON.stringify({ type: `urn:ops-jobs-demo:problem:${type}`, title, status, detail, ...extensions }),
  };
}

/** A JSON response. */
export function json(status: number, value: unknown): DemoResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

/**
 * The answer for an error a body parser threw (malformed JSON, a body too large), or null when the
 * error is not one a client caused. Both hosts' parsers set `status` or `statusCode` and `expose`.
 */
export function problemForClientError(error: unknown): DemoResponse | null {
  const { status, statusCode, expose, message } = (error ?? {}) as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : 0;
  if (code < 400 || code >= 500) return null;
  const detail = expose === true && typeof message === 'string' ? message : 'The request could not be read.';
  return problem(code, 'invalid-input', 'Invalid input', detail);
}
