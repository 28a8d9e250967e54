/** A slice of a long text, cut to a character budget so the DOM never holds all of it. */
export interface VisibleText {
  /** The lines to render; the last may be cut short. */
  readonly lines: readonly string[];
  /** Characters left out after the visible part. */
  readonly hiddenChars: number;
  /** Lines left out (a cut line counts as shown). */
  readonly hiddenLines: number;
}

/** The first `budget` characters of `lines`, whole lines where possible. */
export function visibleText(lines: readonly string[], totalChars: number, budget: number): VisibleText {
  const out: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length > budget) {
      const room = Math.max(0, budget - used);
      if (room > 0 || out.length === 0) out.push(line.slice(0, room));
      used += room;
      break;
    }
    out.push(line);
    used += line.length + 1;
  }
  const hiddenChars = Math.max(0, totalChars - used);
  return { lines: out, hiddenChars, hiddenLines: hiddenChars > 0 ? lines.length - out.length : 0 };
}

/** One highlighted piece of JSON text: a key, string, number, literal, or anything else. */
export interface JsonToken {
  readonly kind: 'key' | 'string' | 'number' | 'literal' | 'plain';
  readonly text: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(?:true|false|null)\b|-?\b\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\b/g;

/** Splits one line of JSON text into tokens for colouring. Tolerates cut or partial JSON. */
export function tokenizeJsonLine(line: string): JsonToken[] {
  const tokens: JsonToken[] = [];
  let last = 0;
  for (const match of line.matchAll(TOKEN)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'plain', text: line.slice(last, index) });
    const [whole, quoted, colon] = match;
    if (quoted !== undefined) {
      tokens.push({ kind: colon ? 'key' : 'string', text: quoted });
      if (colon) tokens.push({ kind: 'plain', text: colon });
    } else {
      tokens.push({ kind: whole === 'true' || whole === 'false' || whole === 'null' ? 'literal' : 'number', text: whole });
    }
    last = index + whole.length;
  }
  if (last < line.length) tokens.push({ kind: 'plain', text: line.slice(last) });
  return tokens;
}

/**
 * The first lines, up to `budget` characters, to colour token by token, and the rest joined as
 * one plain text: a long text costs one text node instead of thousands of spans.
 */
export function splitHighlighted(lines: readonly string[], budget: number): { highlighted: readonly string[]; plain: string } {
  let used = 0;
  let count = 0;
  while (count < lines.length && used + lines[count]!.length <= budget) used += lines[count++]!.length + 1;
  if (count === 0 && lines.length > 0) count = 1;
  return { highlighted: lines.slice(0, count), plain: lines.slice(count).join('\n') };
}
