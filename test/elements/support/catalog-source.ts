// The console's English text as the source holds it: the first argument of every msg(...) and the
// two forms of every plural(...), read from elements/**/*.ts. Both take string literals only, so
// reading the source finds every string the catalog must translate.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const ELEMENTS = new URL('../../../elements/', import.meta.url).pathname;
const LITERAL = String.raw`'((?:\\.|[^'\\])*)'`;
const MSG = new RegExp(String.raw`\bmsg\(\s*${LITERAL}`, 'g');
const PLURAL = new RegExp(String.raw`\bplural\([^'()]*(?:\([^()]*\)[^'()]*)*,\s*${LITERAL}\s*,\s*${LITERAL}`, 'g');
const CALL = /\b(msg|plural)\(/g;

/** The English strings of the elements, and the calls whose text is not a literal (there should be none). */
export interface SourceMessages {
  /** msg() strings, by file. */
  readonly messages: ReadonlyMap<string, readonly string[]>;
  /** plural() forms: the `other` form (the catalog key) to the `one` form. */
  readonly plurals: ReadonlyMap<string, string>;
  /** "file: call" for each msg/plural call the reader could not read as literals. */
  readonly unreadable: readonly string[];
}

const unescape = (text: string): string => text.replace(/\\(.)/g, '$1');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.styles.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !path.includes('/locales/') && !path.endsWith('/shared/locale.ts'));
}

export async function sourceMessages(): Promise<SourceMessages> {
  const messages = new Map<string, string[]>();
  const plurals = new Map<string, string>();
  const unreadable: string[] = [];
  for (const file of await sourceFiles(ELEMENTS)) {
    const text = await readFile(file, 'utf8');
    const name = file.slice(ELEMENTS.length);
    const found = [...text.matchAll(MSG)].map((match) => unescape(match[1]!));
    if (found.length > 0) messages.set(name, found);
    const pluralCalls = [...text.matchAll(PLURAL)];
    for (const match of pluralCalls) plurals.set(unescape(match[2]!), unescape(match[1]!));
    const calls = [...text.matchAll(CALL)];
    const msgCalls = calls.filter((call) => call[1] === 'msg').length;
    const pluralCount = calls.length - msgCalls;
    if (msgCalls !== found.length) unreadable.push(`${name}: ${msgCalls - found.length} msg() call(s) without a literal`);
    if (pluralCount !== pluralCalls.length) unreadable.push(`${name}: ${pluralCount - pluralCalls.length} plural() call(s) without literals`);
  }
  return { messages, plurals, unreadable };
}
