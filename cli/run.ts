import { readFile } from 'node:fs/promises';
import { UsageError } from './arguments.ts';
import { doctor } from './doctor.ts';
import { init } from './init.ts';
import { EXIT, type CliIo } from './io.ts';
import { migrate } from './migrate.ts';

/** `npx ops-jobs --help`. */
export const HELP = `Usage: npx ops-jobs <command> [options]

Commands:
  init      write the host's starter auth and display policy, the mount code and a config module
  migrate   apply the console's store migrations to a database
  doctor    check a deployment: seams, store, engine, permissions, and the console through your proxy

Run npx ops-jobs <command> --help for a command's options.
`;

const COMMANDS = { init, migrate, doctor } as const;

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Runs one command line and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(HELP);
    return command === undefined ? EXIT.usage : EXIT.ok;
  }
  if (command === '--version' || command === '-v') {
    io.out(`${await version()}\n`);
    return EXIT.ok;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    io.err(`ops-jobs: unknown command ${JSON.stringify(command)}.\n\n${HELP}`);
    return EXIT.usage;
  }
  try {
    return await COMMANDS[command as keyof typeof COMMANDS](rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ops-jobs ${command}: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
