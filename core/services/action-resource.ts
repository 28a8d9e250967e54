import type { Phase, Resource } from '../contracts/resource.ts';
import { isScheduleSubject, isWholeQueue, type ActionSubject } from '../vocabulary/job-selection.ts';

/** The resource `authorize` is asked about for an operator action in a given phase. */
export function actionResource(queue: string, selection: ActionSubject, phase: Phase): Resource {
  if (isScheduleSubject(selection)) return { type: 'schedule', queue, key: selection.schedule, phase };
  if (isWholeQueue(selection)) return { type: 'queue', queue, phase };
  if ('ids' in selection && selection.ids.length === 1) return { type: 'job', queue, id: selection.ids[0] ?? '', phase };
  return { type: 'jobs', queue, selection, phase };
}
