import type { Actor } from '../contracts/auth.ts';
import type { IncidentCursor } from '../contracts/incidents.ts';
import type { IncidentListResponse } from '../vocabulary/incident-wire.ts';
import type { ServiceContext } from './context.ts';
import { decodeCursor, encodeCursor, listingKey } from './cursor.ts';
import { InvalidInputError } from '../errors.ts';
import { visibleQueues } from './visible-queues.ts';

/** How far back resolved incidents are listed. */
export const RESOLVED_WITHIN_HOURS = 24;

const LISTING = listingKey('incidents');

function cursorPosition(cursor: string): IncidentCursor {
  const [open, at, id] = decodeCursor(LISTING, cursor);
  if ((open !== 0 && open !== 1) || typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || typeof id !== 'string' || !/^[1-9]\d{0,18}$/.test(id)) {
    throw new InvalidInputError('cursor', 'The cursor is malformed. Use the nextCursor value of a previous page as it was given.');
  }
  return { open: open === 1, at, id };
}

/**
 * The incidents the background diagnosis kept, open ones first, then recently resolved ones; only
 * those of queues the operator may see. Reads one page of the store, never the engine. A page can
 * hold fewer than `limit` when some are of queues the operator may not see.
 */
export async function listIncidents(context: ServiceContext, actor: Actor, limit: number, cursor: string | null): Promise<IncidentListResponse> {
  await context.access.require(actor, 'incidents.view', { type: 'console' });
  const after = cursor === null ? undefined : cursorPosition(cursor);
  if (!context.store.listIncidents) return { kept: false, incidents: [], resolvedWithinHours: RESOLVED_WITHIN_HOURS, nextCursor: null };
  // The pass that keeps incidents runs while someone asks.
  context.diagnosis.wake();
  const resolvedSince = new Date(context.clock().getTime() - RESOLVED_WITHIN_HOURS * 3_600_000).toISOString();
  const page = await context.store.listIncidents({ limit, resolvedSince, ...(after ? { after } : {}) });
  const visible = new Set((await visibleQueues(context, actor, [...new Set(page.incidents.map((incident) => incident.queue))].map((name) => ({ name })))).map((queue) => queue.name));
  return {
    kept: true,
    resolvedWithinHours: RESOLVED_WITHIN_HOURS,
    incidents: page.incidents.filter((incident) => visible.has(incident.queue)).map((incident) => ({
      id: incident.id, kind: incident.kind, queue: incident.queue, jobId: incident.jobId, count: incident.count,
      firstSeenAt: incident.firstSeenAt, lastSeenAt: incident.lastSeenAt, resolvedAt: incident.resolvedAt, resolution: incident.resolution,
    })),
    nextCursor: page.next ? encodeCursor(LISTING, [page.next.open ? 1 : 0, page.next.at, page.next.id]) : null,
  };
}
