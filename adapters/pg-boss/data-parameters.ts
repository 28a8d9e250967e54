import type { DataFilter } from '../../core/vocabulary/data-filter.ts';

/** The two parameters of `sql.dataMatches`: the fields and the values, as parallel text arrays. */
export function dataParameters(filters: readonly DataFilter[]): unknown[] {
  return filters.length === 0 ? [] : [filters.map((filter) => filter.field), filters.map((filter) => filter.value)];
}
