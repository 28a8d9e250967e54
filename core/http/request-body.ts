import { InvalidInputError, ProblemError } from '../errors.ts';

function tooLarge(limit: number): ProblemError {
  return new ProblemError(413, 'body-too-large', 'Body too large', `Request bodies are limited to ${limit} bytes.`, { limit });
}

/** Reads a JSON body of at most `limit` bytes without buffering more than that. */
export async function readJsonBody(request: Request, limit: number): Promise<unknown> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
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
      throw tooLarge(limit);
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
