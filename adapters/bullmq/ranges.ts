import type { Redis } from 'ioredis';
import { pipelined, type QueueKeys } from './redis.ts';
import type { JobPosition } from './cursor.ts';
import type { Source } from './sources.ts';

/** A job id read from a structure, with its place there: what a cursor is made of. */
export interface Entry {
  readonly source: Source;
  readonly id: string;
  /** The index in a list, or the score in a sorted set as Redis printed it. */
  readonly mark: number | string;
  /** In a list: the id after this one, when the read saw it, to find the place again if this job leaves. */
  readonly following?: string;
}

/** What one structure gave for a page: its next entries, in its order. */
export interface Read {
  readonly entries: readonly Entry[];
  /**
   * Set when the read stopped short of what was asked while the structure may hold more (it stepped
   * over a long run of jobs sharing the cursor's score): once every entry is used, the structure
   * continues from here, and a listing must stop there rather than take it as ended.
   */
  readonly cut?: JobPosition;
}

/**
 * How far around a list position the job at the cursor is looked for. Jobs entering at the head
 * push it further in, jobs removed before it pull it back; a move by more than this between two
 * pages, with the cursor's job itself gone, may show a few jobs twice, never skip any.
 */
export const LIST_SLACK = 100;

/** How many jobs sharing the cursor's score are stepped over at most in one read. */
export const TIE_WINDOW = 100;

/**
 * Up to `count` entries of one structure, newest first, after `position` when given. Every read is
 * bounded by `count` plus a fixed window: a list is read as one LRANGE window, a sorted set by rank
 * (ZREVRANK, then ZREVRANGE) or by score (ZREVRANGEBYSCORE with LIMIT). Nothing reads a whole
 * structure.
 */
export async function readSource(client: Redis, keys: QueueKeys, source: Source, count: number, position?: JobPosition): Promise<Read> {
  const key = keys.of(source.name);
  if (source.kind === 'list') {
    if (!position || position.source !== source) return { entries: listEntries(source, await client.lrange(key, 0, count - 1), 0, 0, count) };
    const { index, id, following } = position as { index: number; id: string; following?: string };
    const from = Math.max(0, index - LIST_SLACK);
    const window = await client.lrange(key, from, index + count + LIST_SLACK);
    const found = window.indexOf(id);
    // The job at the cursor has left the list: the page goes on from the job that followed it,
    // wherever that is now; without it, from the old index, where what followed has moved up to.
    const next = found < 0 && following ? window.indexOf(following) : -1;
    const start = found >= 0 ? found + 1 : next >= 0 ? next : Math.min(index - from, window.length);
    return { entries: listEntries(source, window, from, start, count) };
  }
  if (!position || position.source !== source) {
    return { entries: pairs(source, await client.zrevrange(key, 0, count - 1, 'WITHSCORES')) };
  }
  const { score, id } = position as { score: string; id: string };
  const [current, rank] = await pipelined(client, [['zscore', key, id], ['zrevrank', key, id]]) as [string | null, number | null];
  if (current === score && rank !== null) {
    return { entries: pairs(source, await client.zrevrange(key, rank + 1, rank + count, 'WITHSCORES')) };
  }
  // The job has left the set or moved in it: go on from its old score. Jobs sharing that score come
  // in reverse order of id, so those from the cursor's id upwards were already shown.
  const read = pairs(source, await client.zrevrangebyscore(key, score, '-inf', 'WITHSCORES', 'LIMIT', 0, count + TIE_WINDOW));
  const shown = (entry: Entry) => entry.mark === score && Buffer.compare(Buffer.from(entry.id), Buffer.from(id)) >= 0;
  const entries = read.filter((entry) => !shown(entry)).slice(0, count);
  const last = entries.at(-1) ?? read.at(-1);
  if (entries.length < count && read.length === count + TIE_WINDOW && last) {
    // More jobs shared the cursor's score than the window held. The last one read is still in the
    // set, so the structure goes on after it by rank.
    return { entries, cut: { source: source as Source & { kind: 'zset' }, score: String(last.mark), id: last.id } };
  }
  return { entries };
}

/** Up to `count` entries of a list read from index `from`, starting at `start` within the read. */
function listEntries(source: Source, ids: readonly string[], from: number, start: number, count: number): Entry[] {
  return ids.slice(start, start + count).map((id, offset) => {
    const following = ids[start + offset + 1];
    return { source, id, mark: from + start + offset, ...(following === undefined ? {} : { following }) };
  });
}

function pairs(source: Source, flat: readonly string[]): Entry[] {
  const entries: Entry[] = [];
  for (let index = 0; index + 1 < flat.length; index += 2) entries.push({ source, id: flat[index]!, mark: flat[index + 1]! });
  return entries;
}
