/**
 * A body the host's own middleware already parsed (Express `express.json()`, Koa's body parser),
 * carried beside the Fetch `Request` it came with, so that the console reads it as parsed instead
 * of serializing it again: a value nested deeper than the serializer's stack would otherwise fail
 * before any of the console's checks had run.
 */
const parsedBodies = new WeakMap<Request, { readonly value: unknown }>();

/** Hands `request` the body its host already parsed; adapters call this, hosts need not. */
export function attachParsedBody(request: Request, value: unknown): Request {
  parsedBodies.set(request, { value });
  return request;
}

/** The body the host parsed for `request`, if an adapter attached one. */
export function parsedBodyOf(request: Request): { readonly value: unknown } | undefined {
  return parsedBodies.get(request);
}
