/** Characters of a stack kept when an error is cut: a few hundred frames, more than anyone reads first. */
const STACK_CHARACTERS = 32_768;
const utf8 = new TextEncoder();

/**
 * An error whose stack makes it too large, with the stack cut to its first whole lines, so that
 * the console can still show its name, message and first frames. Null when the value is not an
 * object with a string `stack`, or when it is still over `maxBytes` without most of its stack.
 */
export function cutStack(value: unknown, maxBytes: number): { value: Record<string, unknown>; stackLines: number } | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const error = value as Record<string, unknown>;
  if (typeof error.stack !== 'string') return null;
  const lines = error.stack.split('\n');
  let kept = 0;
  let length = 0;
  while (kept < lines.length && length + lines[kept]!.length + 1 <= STACK_CHARACTERS) length += lines[kept++]!.length + 1;
  const cut = { ...error, stack: lines.slice(0, Math.max(kept, 1)).join('\n').slice(0, STACK_CHARACTERS) };
  if (utf8.encode(JSON.stringify(cut)).length > maxBytes) return null;
  return { value: cut, stackLines: lines.length };
}
