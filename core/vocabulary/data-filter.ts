/**
 * One condition on a job's payload: the value at a dotted path (`customer.id`) equals `value`,
 * compared as text. Allowed only on fields the display policy marks searchable, so that filters
 * cannot be used to guess values the operator may not see.
 */
export interface DataFilter {
  readonly field: string;
  readonly value: string;
}

/** Field paths: up to 5 dot-separated segments of letters, digits, `_` and `-`. */
export const DATA_FIELD_PATTERN = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9_-]{1,64}){0,4}$/;

/** Most payload conditions one listing or selection may carry. */
export const MAX_DATA_FILTERS = 3;

/** Most payload fields the job list shows values of, in its summary column. */
export const MAX_SUMMARY_FIELDS = 3;

/** The longest payload value the job list's summary column carries, in characters. */
export const MAX_SUMMARY_VALUE_LENGTH = 200;

/** Most fields a display policy may list as searchable (`searchableFields`): each is a filter and a column. */
export const MAX_SEARCHABLE_FIELDS = 20;
