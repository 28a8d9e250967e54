import { InvalidInputError } from '../errors.ts';
import { plainText } from '../services/text-input.ts';

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
 * against a template; returns the decoded parameters, or null when it does not match.
 */
export function matchTemplate(route: Template, path: string): Record<string, string> | null {
  const parts = path.split('/').slice(1);
  if (parts.length !== route.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    const part = parts[index] ?? '';
    if (segment.startsWith('{')) {
      const name = segment.slice(1, -1);
      let value: string;
      try {
        value = decodeURIComponent(part);
      } catch {
        throw new InvalidInputError(name, `The ${name} in the path is not valid percent-encoding.`);
      }
      if (value === '') return null;
      params[name] = plainText(name, value);
    } else if (segment !== part) {
      return null;
    }
  }
  return params;
}
