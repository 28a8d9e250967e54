// The machine a benchmark ran on, for its report.
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

/** What the numbers were measured on. */
export interface Machine {
  readonly cores: number;
  readonly cpu: string;
  readonly memoryGiB: number;
  readonly postgres: string;
  readonly node: string;
  readonly date: string;
}

/** Describes this machine and the PostgreSQL server at `url`. */
export async function describeMachine(url: string): Promise<Machine> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return {
      cores: cpus().length,
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      postgres: rows[0]?.server_version ?? 'unknown',
      node: process.version,
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    };
  } finally {
    await client.end();
  }
}
