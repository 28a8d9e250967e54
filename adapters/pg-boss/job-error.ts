import type { JobError } from '../../core/contracts/jobs.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error pg-boss stored in a job's `output` after a failed attempt, or null when it stored none.
 *
 * A thrown error arrives serialized as `{ name, message, stack, ...its own fields }`; anything else
 * a worker failed with is wrapped as `{ value }`; pg-boss's own timeouts store
 * `{ value: { message } }`. Fields beyond name, message and stack are kept in `details`. The
 * message found here is the one `sql.ts` extracts for listings (ERROR_MESSAGE).
 */
export function toJobError(output: unknown): JobError | null {
  if (output === null || output === undefined) return null;
  if (!isObject(output)) return { details: output };
  if (typeof output.message !== 'string' && isWrapped(output)) {
    const value = output.value;
    if (typeof value === 'string') return { message: value };
    return isObject(value) ? fromErrorFields(value) : { details: value };
  }
  return fromErrorFields(output);
}

function isWrapped(output: Json): boolean {
  const keys = Object.keys(output);
  return keys.length === 1 && keys[0] === 'value';
}

function fromErrorFields(fields: Json): JobError {
  const { name, message, stack, ...rest } = fields;
  const details: Json = { ...rest };
  // A field of the wrong type is still what the worker stored, so it stays visible in details.
  if (name !== undefined && typeof name !== 'string') details.name = name;
  if (message !== undefined && typeof message !== 'string') details.message = message;
  if (stack !== undefined && typeof stack !== 'string') details.stack = stack;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof message === 'string' ? { message } : {}),
    ...(typeof stack === 'string' ? { stack } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
}
