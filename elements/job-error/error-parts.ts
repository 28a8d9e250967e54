/** A job's failure as the console shows it, read from whatever shape the engine stored. */
export interface ErrorParts {
  readonly name: string;
  readonly message: string;
  /** Stack lines after the "Name: message" header, which the header already shows. */
  readonly frames: readonly string[];
  readonly details: unknown;
}

/**
 * Reads an engine's stored error: an `{ name, message, stack, details }` object, a bare string, or
 * anything else (kept as `details`). Returns null when there is no error at all.
 */
export function errorParts(value: unknown): ErrorParts | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { name: 'Error', message: value, frames: [], details: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) return { name: 'Error', message: '', frames: [], details: value };
  const record = value as Record<string, unknown>;
  const name = typeof record.name === 'string' && record.name ? record.name : 'Error';
  const message = typeof record.message === 'string' ? record.message : '';
  const stack = typeof record.stack === 'string' ? record.stack : '';
  const known = new Set(['name', 'message', 'stack', 'details']);
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !known.has(key)));
  const details = record.details !== undefined ? record.details : Object.keys(rest).length > 0 ? rest : undefined;
  return { name, message, frames: stackFrames(stack, name, message), details };
}

function stackFrames(stack: string, name: string, message: string): string[] {
  if (!stack) return [];
  const header = message ? `${name}: ${message}` : name;
  const body = stack.startsWith(header) ? stack.slice(header.length).replace(/^\r?\n/, '') : stack;
  return body ? body.split(/\r?\n/) : [];
}

/** Whether a stack line is inside a dependency or Node itself, so it can be dimmed. */
export function isLibraryFrame(line: string): boolean {
  return /node_modules|node:internal|\(node:|<anonymous>/.test(line);
}

/** Consecutive stack lines of one kind, rendered as one node: a long stack costs a few nodes, not one per line. */
export interface FrameRun {
  readonly library: boolean;
  readonly text: string;
}

/** `lines` grouped into runs of library and application frames, joined by newlines. */
export function frameRuns(lines: readonly string[]): FrameRun[] {
  const runs: FrameRun[] = [];
  let start = 0;
  for (let index = 1; index <= lines.length; index++) {
    if (index < lines.length && isLibraryFrame(lines[index]!) === isLibraryFrame(lines[start]!)) continue;
    if (start < lines.length) runs.push({ library: isLibraryFrame(lines[start]!), text: lines.slice(start, index).join('\n') });
    start = index;
  }
  return runs;
}
