import { InvalidInputError } from '../errors.ts';
import { plainText } from '../plain-text.ts';

/** A route's path template under `{mount}/api`, such as `/queues/{queue}/jobs/{id}`. */
export interface Template {
  readonly path: string;
  readonly segments: readonly string[];
}

export function template(path: string): Template {
  return { path, segments: path.split('/').slice(1) };
}

/**
 * Matches a request path (still percent-encoded, so an encoded `/` stays inside its segment)
 * against a template; returns the parameters still encoded, or null when it does not match.
 * `decodeParams` reads them, once the request's operator is known: a malformed parameter from a
 * signed-out client is answered 401 like anything else it asks.
 */
export function matchTemplate(route: Template, path: string): Record<string, string> | null {
  const parts = path.split('/').slice(1);
  if (parts.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const part = parts[index] ?? '';
    if (segment.startsWith('{')) {
      if (part === '') return null;
      params[segment.slice(1, -1)] = part;
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}

/** The parameters `matchTemplate` found, decoded and checked as plain text; 400 naming a bad one. */
export function decodeParams(encoded: Readonly<Record<string, string>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, part] of Object.entries(encoded)) {
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      throw new InvalidInputError(name, `The ${name} in the path is not valid percent-encoding.`);
    }
    params[name] = plainText(name, value);
  }
  return params;
}
