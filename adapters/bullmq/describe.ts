import type { Redis } from 'ioredis';
import type { EngineDescription, EngineProblem } from '../../core/contracts/engine.ts';

/** The oldest Redis the engine's reads run on: LPOS arrived in 6.0.6. */
export const MINIMUM_REDIS = Object.freeze([6, 0, 6] as const);

export const BULLMQ_SUPPORT = 'BullMQ 6 on Redis 6.0.6 or later';

/** What the engine says of its deployment for `ops-jobs doctor`: the Redis version, read with INFO server. */
export async function describeBullMQ(client: Redis, version: string | null): Promise<EngineDescription> {
  const info = await client.info('server');
  const redisVersion = /^redis_version:(\S+)/m.exec(info)?.[1] ?? null;
  const problems: EngineProblem[] = [];
  if (redisVersion === null || older(redisVersion, MINIMUM_REDIS)) {
    problems.push({
      message: `Redis ${redisVersion ?? '(unknown version)'} is older than ${MINIMUM_REDIS.join('.')}, which the BullMQ engine reads with (LPOS)`,
      fix: 'Upgrade Redis to 6.2 or later, as BullMQ itself recommends.',
    });
  }
  return { engine: 'bullmq', version, schema: null, schemaVersion: null, supported: `${BULLMQ_SUPPORT} (this server: Redis ${redisVersion ?? 'unknown'})`, problems };
}

function older(version: string, minimum: readonly number[]): boolean {
  const parts = version.split('.').map(Number);
  for (const [index, wanted] of minimum.entries()) {
    const part = parts[index] ?? 0;
    if (!Number.isFinite(part)) return true;
    if (part !== wanted) return part < wanted;
  }
  return false;
}
