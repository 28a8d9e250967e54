import type { DisplayDecision, DisplayKind, DisplayPolicy } from '../contracts/display-policy.ts';

/** Options of `hideKeysMatching`. */
export interface HideKeysOptions {
  /** Payload fields (dotted paths such as `customer.id`) operators may filter jobs on. None by default. */
  readonly searchable?: readonly string[];
}

/** The placeholder that replaces a hidden value inside an otherwise shown structure. */
export const REDACTED = '[redacted]';

/** The kinds whose values are structured and get their matching keys hidden. */
const STRUCTURED_KINDS: ReadonlySet<DisplayKind> = new Set(['job_data', 'job_output', 'job_error', 'job_options', 'schedule_data', 'flow_result']);

/** The kinds whose values are plain text written by operators, shown as they are. */
const TEXT_KINDS: ReadonlySet<DisplayKind> = new Set(['actor_label', 'reason']);

function redactKeys(value: unknown, pattern: RegExp, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return REDACTED;
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactKeys(item, pattern, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    pattern.lastIndex = 0;
    copy[key] = pattern.test(key) ? REDACTED : redactKeys(inner, pattern, seen);
  }
  return copy;
}

/**
 * A display policy that shows job data, output, errors, options, schedule data and flow results
 * with the value of every key matching `pattern` replaced by `[redacted]` at any depth, in objects
 * and arrays, and shows actor labels and reasons as they are. Any other kind is hidden.
 *
 * @example hideKeysMatching(/pass|secret|token|card|ssn|key/i, { searchable: ['customer.id'] })
 */
export function hideKeysMatching(pattern: RegExp, options: HideKeysOptions = {}): DisplayPolicy {
  if (!(pattern instanceof RegExp)) throw new TypeError('hideKeysMatching(pattern): pattern must be a RegExp');
  const hidden = (field: string) => field.split('.').some((segment) => {
    pattern.lastIndex = 0;
    return pattern.test(segment);
  });
  // A field under a hidden key stays unsearchable even if listed: its value is hidden.
  const searchable = new Set((options.searchable ?? []).filter((field) => !hidden(field)));
  return {
    searchable: (field) => searchable.has(field),
    searchableFields: Object.freeze([...searchable]),
    display(kind, value): DisplayDecision {
      if (TEXT_KINDS.has(kind)) return { show: value };
      if (!STRUCTURED_KINDS.has(kind)) return { hide: true };
      return { show: redactKeys(value, pattern, new WeakSet()) };
    },
  };
}
