import { DATA_FIELD_PATTERN, MAX_DATA_FILTERS } from '../../core/vocabulary/data-filter.ts';

/**
 * Payload conditions of a job listing as the console carries them: dotted field path to text value,
 * written as `data.<field>=<value>` query parameters (the API's own names) in the page URL and in
 * API requests, in field order, so that equal filters give equal strings.
 */
export type JobDataFilter = Readonly<Record<string, string>>;

/** Reads the conditions out of query parameters: well-formed `data.<field>` ones, at most as many as the API takes. */
export function jobDataFrom(params: URLSearchParams): JobDataFilter {
  const data: Record<string, string> = {};
  for (const [name, value] of params) {
    const field = name.startsWith('data.') ? name.slice('data.'.length) : '';
    if (DATA_FIELD_PATTERN.test(field) && value.trim() && !(field in data)) data[field] = value.trim();
  }
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_DATA_FILTERS));
}

/** The conditions as `data.<field>` query parameters, in field order. */
export function jobDataParams(data: JobDataFilter, params = new URLSearchParams()): URLSearchParams {
  for (const field of Object.keys(data).sort()) params.set(`data.${field}`, data[field]!);
  return params;
}

/** The conditions as one string, equal for equal conditions (a load key). */
export function jobDataKey(data: JobDataFilter): string {
  return jobDataParams(data).toString();
}
