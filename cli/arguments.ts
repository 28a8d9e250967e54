import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the command cannot run: the message says what to type instead. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** `parseArgs` with no positionals, its errors turned into a `UsageError` naming the command's help. */
export function parseFlags<T extends Options>(command: string, argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\nSee: npx ops-jobs ${command} --help`);
  }
}

/** One of `allowed`, or a `UsageError` naming the flag and the choices. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${flag} must be ${allowed.join(' or ')}; got ${JSON.stringify(value)}.`);
  }
  return value as T;
}
