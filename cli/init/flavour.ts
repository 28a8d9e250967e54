import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFile } from '../file-exists.ts';

/** The frameworks `init` writes mount code for. */
export const FRAMEWORKS = ['express', 'koa'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** The languages `init` writes. */
export const LANGUAGES = ['ts', 'js'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How the files `init` writes are spelled for this host project. */
export interface Flavour {
  readonly framework: Framework;
  readonly language: Language;
  /** `.ts`; `.js` in a project whose package.json says `"type": "module"`; `.mjs` otherwise. */
  readonly extension: '.ts' | '.js' | '.mjs';
  /** The path the console is mounted at. */
  readonly mount: string;
}

async function readJson(path: string): Promise<Record<string, unknown> | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/**
 * TypeScript when asked, or when the project has a tsconfig.json; JavaScript modules otherwise,
 * as `.js` where the project is ES modules and `.mjs` where plain `.js` would be CommonJS.
 */
export async function flavourFor(dir: string, framework: Framework, mount: string, language?: Language): Promise<Flavour> {
  const chosen = language ?? ((await isFile(join(dir, 'tsconfig.json'))) ? 'ts' : 'js');
  if (chosen === 'ts') return { framework, language: 'ts', extension: '.ts', mount };
  const pkg = await readJson(join(dir, 'package.json'));
  return { framework, language: 'js', extension: pkg?.type === 'module' ? '.js' : '.mjs', mount };
}

/** `text` in TypeScript files, nothing in JavaScript ones: type annotations inside a template. */
export function typesOnly(flavour: Flavour): (text: string) => string {
  return (text) => (flavour.language === 'ts' ? text : '');
}

/** `expr as type` (parenthesized) in TypeScript files, `expr` alone in JavaScript ones. */
export function castFor(flavour: Flavour): (expr: string, type: string) => string {
  return (expr, type) => (flavour.language === 'ts' ? `(${expr} as ${type})` : expr);
}
