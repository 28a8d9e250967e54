import type { JobEngine } from '../../core/contracts/engine.ts';
import { fromPgBoss } from './engine.ts';
import type { PgBossLike } from './pg-boss-like.ts';

/** A pg-boss instance the console started itself, and the engine over it. */
export interface StartedPgBoss {
  readonly engine: JobEngine;
  /** The `PgBoss` instance, for the host to send and work jobs through. */
  readonly boss: PgBossLike & { stop(options?: { graceful?: boolean }): Promise<void> };
  stop(): Promise<void>;
}

/**
 * For hosts that do not keep a pg-boss instance of their own: builds one from pg-boss's
 * constructor options (or a connection string), starts it and returns the engine over it.
 * Hosts that already run pg-boss should pass their instance to `fromPgBoss` instead.
 *
 * @example const { engine, stop } = await startPgBoss({ connectionString: process.env.DATABASE_URL });
 */
export async function startPgBoss(options: string | (Record<string, unknown> & { schema?: string })): Promise<StartedPgBoss> {
  const { PgBoss } = await import('pg-boss');
  const boss = new PgBoss(options as never);
  await boss.start();
  const schema = typeof options === 'string' ? undefined : options.schema;
  return {
    engine: fromPgBoss(boss, schema === undefined ? {} : { schema }),
    boss,
    stop: () => boss.stop(),
  };
}
