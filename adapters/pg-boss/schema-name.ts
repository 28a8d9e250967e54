import { OptionsError } from '../../core/errors.ts';

/** pg-boss's own default schema. */
export const DEFAULT_PG_BOSS_SCHEMA = 'pgboss';

/** pg-boss refuses longer schema names, so a longer one cannot be the one it runs in. */
const MAX_SCHEMA_BYTES = 50;

const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// The characters pg-boss itself refuses inside a quoted schema name; refusing them here too is what
// makes it safe to put the name into SQL text verbatim, as pg-boss does.
const UNSAFE_IN_QUOTES = /["'%$.\\\x00-\x1f\x7f]/;

/**
 * Checks the `schema` option and returns it as written: the same spelling pg-boss was given, bare
 * or double-quoted, which is what both put into their SQL.
 */
export function validatePgBossSchema(value: unknown): string {
  if (value === undefined) return DEFAULT_PG_BOSS_SCHEMA;
  const hint = `must be the schema pg-boss was started with, as passed to \`new PgBoss({ schema })\`, such as '${DEFAULT_PG_BOSS_SCHEMA}'`;
  if (typeof value !== 'string') {
    throw new OptionsError('schema', `${hint}; got ${value === null ? 'null' : typeof value}.`);
  }
  const quoted = value.length > 2 && value.startsWith('"') && value.endsWith('"');
  const inner = quoted ? value.slice(1, -1) : value;
  const valid = quoted ? !UNSAFE_IN_QUOTES.test(inner) : BARE_NAME.test(inner);
  if (!valid || Buffer.byteLength(inner, 'utf8') > MAX_SCHEMA_BYTES) {
    throw new OptionsError('schema', `${hint}; got ${JSON.stringify(value)}.`);
  }
  return value;
}
