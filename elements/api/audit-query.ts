/**
 * The audit log's filters as the console carries them: in the page URL, in API requests and in
 * export links, always under the API's own query parameter names and in one fixed order, so two
 * equal filters give equal strings.
 */

/** The audit log's filter parameters, in the order they are written. */
export const AUDIT_FILTER_KEYS = Object.freeze(['actor', 'action', 'queue', 'job', 'schedule', 'outcome', 'from', 'to'] as const);

export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/**
 * Filters of the audit log; absent keys do not filter. `actor` is an audit principal id, `job` a
 * job id the action touched, `schedule` the key of a schedule acted on, `from` (inclusive) and `to` (exclusive) ISO 8601 times.
 */
export type AuditQuery = Readonly<Partial<Record<AuditFilterKey, string>>>;

/** Reads the filters out of query parameters, ignoring empty values and other parameters. */
export function auditQueryFrom(params: URLSearchParams): AuditQuery {
  const query: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  return query;
}

/** The filters as query parameters, in the fixed order. */
export function auditQueryParams(query: AuditQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The filters as a query string without `?`: equal filters give equal strings. */
export function auditQueryString(query: AuditQuery): string {
  return auditQueryParams(query).toString();
}

/** How many filters are set. */
export function auditFilterCount(query: AuditQuery): number {
  return AUDIT_FILTER_KEYS.filter((key) => query[key]).length;
}
