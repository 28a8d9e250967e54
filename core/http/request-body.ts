import { InvalidInputError } from '../errors.ts';
import { bodyTooLarge } from '../problems.ts';
import { parsedBodyOf } from './parsed-body.ts';

/** How deeply a JSON body may nest: the console's own bodies nest four levels at most. */
const MAX_BODY_DEPTH = 16;

/**
 * The request's JSON body: the value the host already parsed when an adapter attached one,
 * otherwise at most `limit` bytes read without buffering more than that. Either way, refused with
 * a 400 when it nests deeper than `MAX_BODY_DEPTH`.
 */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const parsed = parsedBodyOf(request);
  const value = parsed ? parsed.value : await readJsonBytes(request, limit);
  if (depthExceeds(value, MAX_BODY_DEPTH)) {
    throw new InvalidInputError('body', `The body nests deeper than ${MAX_BODY_DEPTH} levels; the console's requests never do.`);
  }
  return value;
}

/** Whether `value` nests arrays and objects deeper than `limit`, measured without recursion. */
function depthExceeds(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}

async function readJsonBytes(request: Request, limit: number): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw bodyTooLarge(limit);
  if (!request.body) throw new InvalidInputError('body', 'A JSON body is required.');
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw bodyTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new InvalidInputError('body', 'The body is not valid JSON.');
  }
}
