import { DATA_FIELD_PATTERN, MAX_DATA_FILTERS, type DataFilter } from '../vocabulary/data-filter.ts';
import { InvalidInputError } from '../errors.ts';
import { plainText } from '../plain-text.ts';

const MAX_VALUE_LENGTH = 200;

function checked(field: string, value: unknown, parameter: string): DataFilter {
  if (!DATA_FIELD_PATTERN.test(field)) {
    throw new InvalidInputError(parameter, `${parameter} is not a field path: use up to 5 dot-separated names of letters, digits, _ and -.`);
  }
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_VALUE_LENGTH) {
    throw new InvalidInputError(parameter, `${parameter} must be a text value of 1 to ${MAX_VALUE_LENGTH} characters.`);
  }
  return { field, value: plainText(parameter, value) };
}

function limited(filters: DataFilter[]): DataFilter[] {
  if (filters.length > MAX_DATA_FILTERS) throw new InvalidInputError('data', `At most ${MAX_DATA_FILTERS} payload conditions at once.`);
  return filters.sort((a, b) => (a.field < b.field ? -1 : a.field > b.field ? 1 : 0));
}

/** Payload conditions from query parameters named `data.<field>`, such as `data.customer.id=cus_42`. */
export function dataFiltersFromQuery(query: URLSearchParams): DataFilter[] {
  const filters: DataFilter[] = [];
  for (const [name, value] of query) {
    if (!name.startsWith('data.')) continue;
    if (filters.some((filter) => `data.${filter.field}` === name)) throw new InvalidInputError(name, `${name} is given more than once.`);
    filters.push(checked(name.slice('data.'.length), value, name));
  }
  return limited(filters);
}

/** Payload conditions from a JSON object of field paths to values, such as `{ "customer.id": "cus_42" }`. */
export function dataFiltersFromObject(value: unknown, parameter: string): DataFilter[] {
  if (value === undefined) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidInputError(parameter, `${parameter} must be an object of field paths to text values, such as {"customer.id": "cus_42"}.`);
  }
  return limited(Object.entries(value).map(([field, text]) => checked(field, text, `${parameter}.${field}`)));
}
