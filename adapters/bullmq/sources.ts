import type { JobState } from '../../core/vocabulary/job-states.ts';

/** How BullMQ keeps one of its job states in Redis: a list (by position) or a sorted set (by score). */
export type SourceKind = 'list' | 'zset';

/** One Redis structure holding a queue's jobs in one BullMQ state, and the console state it shows as. */
export interface Source {
  /** BullMQ's name for the structure, the last part of its key (`bull:<queue>:<name>`). */
  readonly name: string;
  readonly kind: SourceKind;
  readonly state: JobState;
}

/**
 * Every structure BullMQ 6 keeps jobs in, in the order a listing reads them. The console's
 * `queued` gathers three: the wait list (newest first), the `paused` list older BullMQ versions
 * filled while a queue was paused (BullMQ 6 keeps a paused queue's jobs in `wait` and only drains
 * this one), and the prioritized set (BullMQ's order reversed: least urgent and newest first).
 * `delayed` also holds jobs waiting out a retry backoff; BullMQ does not tell them apart there.
 */
export const SOURCES: readonly Source[] = Object.freeze([
  { name: 'wait', kind: 'list', state: 'queued' },
  { name: 'paused', kind: 'list', state: 'queued' },
  { name: 'prioritized', kind: 'zset', state: 'queued' },
  { name: 'delayed', kind: 'zset', state: 'scheduled' },
  { name: 'waiting-children', kind: 'zset', state: 'blocked' },
  { name: 'active', kind: 'list', state: 'active' },
  { name: 'completed', kind: 'zset', state: 'completed' },
  { name: 'failed', kind: 'zset', state: 'failed' },
].map((source) => Object.freeze(source as Source)));

/** The structures a listing of `state` reads, in order; every structure when no state is given. */
export function sourcesOf(state: JobState | undefined): readonly Source[] {
  return state === undefined ? SOURCES : SOURCES.filter((source) => source.state === state);
}

/** The sorted sets, whose membership a job's state is read from with one ZSCORE each. */
export const SET_SOURCES: readonly Source[] = Object.freeze(SOURCES.filter((source) => source.kind === 'zset'));

export function sourceNamed(name: unknown): Source | undefined {
  return SOURCES.find((source) => source.name === name);
}
