import { CANONICAL_UUID } from './cursor.ts';

/** Job ids as given, sorted into those pg-boss could have and those it cannot. */
export interface SortedIds {
  /** Distinct uuids in the spelling PostgreSQL prints them in (lower case). */
  readonly uuids: readonly string[];
  /** For each of `uuids`, the spelling it was first given in. */
  readonly given: ReadonlyMap<string, string>;
  /** Distinct ids that are not uuids: no pg-boss job has them. */
  readonly invalid: readonly string[];
}

/**
 * Sorts ids before they reach SQL: pg-boss ids are uuids, and a non-uuid cast to `uuid` would fail
 * the whole statement (and with it the caller's transaction) rather than match nothing.
 */
export function sortIds(ids: readonly unknown[]): SortedIds {
  const given = new Map<string, string>();
  const invalid = new Set<string>();
  for (const id of ids) {
    const canonical = typeof id === 'string' ? id.toLowerCase() : '';
    if (!CANONICAL_UUID.test(canonical)) invalid.add(String(id));
    else if (!given.has(canonical)) given.set(canonical, id as string);
  }
  return { uuids: [...given.keys()], given, invalid: [...invalid] };
}
