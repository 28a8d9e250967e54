// The fenced code blocks of README.md and docs/**/*.md, as a reader copies them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('../../../../', import.meta.url).pathname;

export interface CodeBlock {
  /** The Markdown file, relative to the repository root. */
  readonly file: string;
  /** The line of the file where the block's first line of code is (1-based). */
  readonly line: number;
  /** The fence's language, such as `ts` or `sh`. */
  readonly lang: string;
  readonly code: string;
  /** The `##` heading the block sits under, or '' before the first. */
  readonly section: string;
  /** The reason given by a `<!-- fragment: reason -->` mark just before the fence, or null. */
  readonly fragment: string | null;
}

/** README.md and every Markdown file under docs/, sorted. */
export function markdownFiles(): string[] {
  const found = ['README.md'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk('docs');
  return found.sort();
}

const FENCE = /^```(\S*)\s*$/;
const FRAGMENT = /^<!-- fragment: (.+\S) -->$/;

/** The fenced blocks of one Markdown file, in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let section = '';
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.startsWith('## ')) section = line.slice(3).trim();
    const open = FENCE.exec(line);
    if (!open) continue;
    let previous = index - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous -= 1;
    const fragment = previous >= 0 ? (FRAGMENT.exec(lines[previous]!.trim())?.[1] ?? null) : null;
    const close = lines.findIndex((candidate, at) => at > index && candidate.trimEnd() === '```');
    if (close === -1) throw new Error(`${file}:${index + 1}: a code block that is never closed`);
    blocks.push({ file, line: index + 2, lang: open[1] ?? '', code: lines.slice(index + 1, close).join('\n'), section, fragment });
    index = close;
  }
  return blocks;
}

/** Every TypeScript block of README.md and docs/. */
export function typeScriptBlocks(): CodeBlock[] {
  return markdownFiles().flatMap(codeBlocks).filter((block) => block.lang === 'ts' || block.lang === 'typescript');
}

/** The one block of `lang` under the `## section` heading of `file`; throws when there is not exactly one. */
export function blockIn(file: string, section: string, lang: string): CodeBlock {
  const found = codeBlocks(file).filter((block) => block.section === section && block.lang === lang);
  if (found.length !== 1) throw new Error(`${file}: expected one \`${lang}\` block under "## ${section}", found ${found.length}`);
  return found[0]!;
}
