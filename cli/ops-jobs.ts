#!/usr/bin/env node
// The `ops-jobs` executable: `npx ops-jobs init | migrate | doctor`.
import { processIo } from './io.ts';
import { runCli } from './run.ts';

const io = processIo();
let code: number;
try {
  code = await runCli(process.argv.slice(2), io);
} catch (error) {
  io.err(`ops-jobs: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  code = 1;
}
// A host's config may leave connections open (pools, pg-boss timers); the command is done regardless.
process.exit(code);
