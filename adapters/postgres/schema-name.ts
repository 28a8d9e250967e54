import { OptionsError } from '../../core/errors.ts';

/** The longest identifier PostgreSQL keeps whole (NAMEDATALEN - 1 bytes). */
const MAX_IDENTIFIER_LENGTH = 63;

const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** The schema the store uses when the host names none. */
export const DEFAULT_SCHEMA = 'ops_jobs';

/**
 * Checks the `schema` option: a plain, lower-case SQL identifier that needs no quoting and means
 * the same thing quoted or not, so that the name an operator sees in `psql` is the one configured.
 */
export function validateSchemaName(value: unknown): string {
  if (value === undefined) return DEFAULT_SCHEMA;
  const hint = `must be a plain SQL identifier (lower-case letters, digits and underscores, not starting with a digit, at most ${MAX_IDENTIFIER_LENGTH} characters), such as '${DEFAULT_SCHEMA}'`;
  if (typeof value !== 'string') {
    throw new OptionsError('schema', `${hint}; got ${value === null ? 'null' : typeof value}.`);
  }
  if (!PLAIN_IDENTIFIER.test(value) || value.length > MAX_IDENTIFIER_LENGTH) {
    throw new OptionsError('schema', `${hint}; got ${JSON.stringify(value)}.`);
  }
  if (value.startsWith('pg_')) {
    throw new OptionsError('schema', `may not start with 'pg_', which PostgreSQL reserves for system schemas; got ${JSON.stringify(value)}.`);
  }
  return value;
}
