import type { AuditOutcome } from '../../core/vocabulary/audit-outcomes.ts';
import { settingChangeText } from '../shared/queue-setting-words.ts';
import { isJobState } from '../../core/vocabulary/job-states.ts';
import type { AuditRecordResponse } from '../../core/vocabulary/wire.ts';
import { isOperatorAction, type AuditedAction } from '../../core/vocabulary/actions.ts';
import { jobCount } from '../actions/action-copy.ts';
import { anyActionCopy, anyActionName } from '../actions/schedule-copy.ts';
import { msg, plural } from '../shared/locale.ts';
import { formatCount } from '../shared/format.ts';
import { stateWord } from '../shared/state-copy.ts';

/** How an outcome reads, in the chosen locale. */
export function outcomeLabel(outcome: AuditOutcome): string {
  switch (outcome) {
    case 'succeeded': return msg('Succeeded');
    case 'failed': return msg('Failed');
    case 'pending': return msg('Pending');
    case 'denied': return msg('Denied');
    case 'expired': return msg('Expired');
    case 'already_used': return msg('Already used');
    case 'drifted': return msg('Drifted');
  }
}

/** What an outcome means, for tooltips and the record page. */
export function outcomeHint(outcome: AuditOutcome): string {
  switch (outcome) {
    case 'succeeded': return msg('The action ran.');
    case 'failed': return msg('The action ran and failed.');
    case 'pending': return msg('Recorded before the action ran, with no outcome since. If it stays pending, the process may have stopped mid-action: check its jobs.');
    case 'denied': return msg('Refused: the operator was not allowed to, or used another operator\'s preview. Nothing changed.');
    case 'expired': return msg('Refused: the preview had expired. Nothing changed.');
    case 'already_used': return msg('Refused: the preview had already been executed. Nothing changed.');
    case 'drifted': return msg('Refused: the previewed jobs had changed since. Nothing changed.');
  }
}

/** A record of an operator action on jobs: every record but that of a bridge opened. */
export type JobsRecord = AuditRecordResponse & { readonly resource: NonNullable<AuditRecordResponse['resource']> };

/** Whether the record is of an action on jobs, with the queue and jobs it touched. */
export function touchedJobs(record: AuditRecordResponse): record is JobsRecord {
  return record.resource !== null;
}

/** What the record's action is called: "Retry", or "Opened the bridge". */
export function actionVerb(action: AuditedAction): string {
  if (action === 'incident.escalate') return msg('Called the host\'s escalation hook');
  return isOperatorAction(action) ? anyActionName(action) : msg('Opened the bridge');
}

/** What the record's action did, in the past tense: "Retried", or "Opened the bridge". */
export function actionDone(action: AuditedAction): string {
  if (action === 'incident.escalate') return msg('Called the host\'s escalation hook');
  return isOperatorAction(action) ? anyActionCopy(action).doneLabel : msg('Opened the bridge');
}

/** Whether the record is of an action on a queue itself (pause, resume) or one of its schedules (run, remove), not on its jobs. */
export function onWholeQueue(record: JobsRecord): boolean {
  return 'whole' in record.resource.selection || 'schedule' in record.resource.selection;
}

/** How the record chose its jobs: "All failed jobs" (a filter) or "3 selected jobs" (ids); "The queue itself" for a queue action. */
export function selectionText(record: JobsRecord): string {
  const selection = record.resource.selection;
  if ('whole' in selection) {
    return selection.settings?.length
      ? msg('The queue\'s settings: {changes}', { changes: selection.settings.map((change) => settingChangeText(change)).join('; ') })
      : msg('The queue itself');
  }
  if ('schedule' in selection) return selection.schedule ? msg('Schedule {key}', { key: selection.schedule }) : msg('The queue’s schedule without a key');
  if ('filter' in selection) {
    const state = selection.filter.state;
    return msg('All {state} jobs', { state: isJobState(state) ? stateWord(state) : state });
  }
  return plural(selection.ids.length, '{count} selected job', '{count} selected jobs');
}

/** How the record chose its jobs, in a word or two beside their count: "all failed", "selected". */
export function selectionShort(record: JobsRecord): string {
  const selection = record.resource.selection;
  if ('whole' in selection || 'schedule' in selection) return '';
  if (!('filter' in selection)) return msg('selected');
  const state = selection.filter.state;
  return msg('all {state}', { state: isJobState(state) ? stateWord(state) : state });
}

/** The operator as a record names them: the label the display policy allowed, else the id. */
export function principalText(record: AuditRecordResponse): string {
  return record.principal.label ?? record.principal.id;
}

/** How many jobs it changed, in words: "37 jobs", or "35 of 37 jobs"; "37 jobs" while pending. */
export function changedText(record: AuditRecordResponse): string {
  if (record.resource && 'whole' in record.resource.selection) return queueChangedText(record.affected);
  if (record.resource && 'schedule' in record.resource.selection) return scheduleChangedText(record.resource.selection.schedule, record.affected);
  if (record.affected === null || record.affected === record.requested) return jobCount(record.requested);
  return msg('{affected} of {jobs}', { affected: formatCount(record.affected), jobs: jobCount(record.requested) });
}

/** What a queue action changed, in words: "The queue", or "No change" when it already was so; "The queue" while pending. */
export function queueChangedText(affected: number | null): string {
  return affected === 0 ? msg('No change (already so)') : msg('The queue');
}

/** What a schedule action changed, in words: "Schedule nightly", or "No change (it was gone)"; the schedule while pending. */
export function scheduleChangedText(key: string, affected: number | null): string {
  if (affected === 0) return msg('No change (it was gone)');
  return key ? msg('Schedule {key}', { key }) : msg('The queue’s schedule without a key');
}
