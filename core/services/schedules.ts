import type { Actor } from '../contracts/auth.ts';
import type { SchedulePageResponse } from '../vocabulary/wire.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, encodeCursor, listingKey } from './cursor.ts';

export interface ScheduleListRequest {
  /** Only this queue's schedules; every queue's when null. */
  readonly queue: string | null;
  /** Page size, already checked by the caller. */
  readonly limit: number;
  readonly cursor: string | null;
}

/**
 * One page of the engine's schedules, ordered by queue and key: only those of queues the actor may
 * view, so a schedule says no more about a queue than its jobs would. An engine without schedules
 * has none to list. `read` parses the request, once the actor may list schedules at all.
 */
export async function listSchedules(context: ServiceContext, actor: Actor, read: () => ScheduleListRequest): Promise<SchedulePageResponse> {
  await context.access.require(actor, 'schedules.view', { type: 'console' });
  const request = read();
  if (request.queue !== null) await context.access.require(actor, 'queues.view', { type: 'queue', queue: request.queue });
  const engine = context.engine;
  if (!engine.listSchedules) return { schedules: [], nextCursor: null };
  const listing = listingKey('schedules', request.queue);
  const after = request.cursor === null ? undefined : decodeCursor(listing, request.cursor);
  const page = await engine.listSchedules({ limit: request.limit, ...(request.queue === null ? {} : { queue: request.queue }), ...(after ? { after } : {}) });
  const visible = await Promise.all(page.schedules.map((schedule) => context.access.check(actor, 'queues.view', { type: 'queue', queue: schedule.queue })));
  return {
    schedules: page.schedules.filter((_, index) => visible[index]?.allowed).map((schedule) => context.presenter.schedule(schedule, actor)),
    nextCursor: page.next === null ? null : encodeCursor(listing, page.next),
  };
}
