import type { JobOperatorAction } from '../../core/vocabulary/actions.ts';
import { html, type TemplateResult } from 'lit';
import type { JobState } from '../../core/vocabulary/job-states.ts';
import type { SessionResponse } from '../../core/vocabulary/wire.ts';
import { actionOptions, actionStates, type ActionOption, type ActionScope } from '../actions/action-availability.ts';
import { actionButton, deniedNotes } from '../actions/action-buttons.ts';
import { actionCopy, jobCount } from '../actions/action-copy.ts';
import { msg, plural } from '../shared/locale.ts';
import type { ActionRequest } from '../actions/action-request.ts';
import { formatCount } from '../shared/format.ts';
import { infoIcon } from '../shared/icons.ts';
import { stateWord } from '../shared/state-copy.ts';
import type { JobSelection, SelectableJob } from './job-selection.ts';

/** What the bar above a queue's job table acts on. */
export interface BulkBarInput {
  readonly session: SessionResponse;
  readonly queue: string;
  /** The state filter of the list; "all N jobs" buttons need one. */
  readonly state: JobState | null;
  /** How many jobs the queue holds in that state, when the engine counts it. */
  readonly stateCount: number | undefined;
  /** The payload filter of the list, which "all N jobs" buttons carry (their count then comes from the preview). */
  readonly data?: Readonly<Record<string, string>>;
  readonly scope: ActionScope;
  readonly selection: JobSelection;
  /** The jobs shown, for "Select all shown". */
  readonly shown: readonly SelectableJob[];
  /** Whether the list offers checkboxes. */
  readonly selectable: boolean;
  readonly onAction: (request: ActionRequest) => void;
  readonly onClear: () => void;
  readonly onSelectAll: (selected: boolean) => void;
}

/**
 * The bar of bulk actions above a queue's jobs: with jobs selected, each action that applies to
 * some of them ("Retry 3 selected", "Retry 2 of 3 selected"); with none selected and a state
 * filter, each action on every job in that state ("Retry all 127 failed jobs"), capped at the
 * session's limit. Disallowed actions show disabled with the host's reason below the bar.
 */
export function bulkBar(input: BulkBarInput): TemplateResult | string {
  const { session, selection } = input;
  const picked = selection.size;
  let options: ActionOption<JobOperatorAction>[];
  let buttons: TemplateResult[];
  let note: TemplateResult | string = '';
  if (picked > 0) {
    const states = [...new Set(input.shown.filter((job) => selection.has(job.id)).map((job) => job.state))];
    options = actionOptions(session, states, input.scope);
    buttons = options.map((option) => {
      const applies = selection.countIn(actionStates(session, option.action) ?? []);
      const verb = actionCopy(option.action).verb;
      const label = applies === picked
        ? msg('{verb} {count} selected', { verb, count: formatCount(picked) })
        : msg('{verb} {applies} of {count} selected', { verb, applies: formatCount(applies), count: formatCount(picked) });
      const request: ActionRequest = {
        action: option.action,
        target: { queue: input.queue, ids: selection.ids() },
        subject: plural(picked, '{count} selected job', '{count} selected jobs'),
      };
      return actionButton(option, label, () => input.onAction(request), 'bulk');
    });
    if (selection.full) note = html`<p class="bulk-note">${infoIcon} ${msg('One action takes at most {jobs}.', { jobs: jobCount(selection.cap) })}</p>`;
  } else if (input.state && input.stateCount !== 0) {
    const state = input.state;
    const name = stateWord(state);
    const data = input.data && Object.keys(input.data).length > 0 ? input.data : undefined;
    const count = data ? undefined : input.stateCount;
    const cap = session.limits.cap;
    const capped = count !== undefined && count > cap;
    options = actionOptions(session, [state], input.scope);
    buttons = options.map((option) => {
      const verb = actionCopy(option.action).verb;
      const what =
        data
          ? msg('all {state} jobs matching the payload filter', { state: name })
          : count === undefined
          ? msg('all {state} jobs', { state: name })
          : capped
            ? msg('{cap} of {count} {state} jobs', { cap: formatCount(cap), count: formatCount(count), state: name })
            : count === 1
              ? msg('the 1 {state} job', { state: name })
              : msg('all {count} {state} jobs', { count: formatCount(count), state: name });
      const request: ActionRequest = { action: option.action, target: { queue: input.queue, filter: data ? { state, data } : { state } }, subject: what };
      return actionButton(option, msg('{verb} {subject}', { verb, subject: what }), () => input.onAction(request), 'bulk');
    });
    if (capped && options.some((option) => option.allowed)) {
      note = html`<p class="bulk-note">${infoIcon} ${msg('One action takes at most {jobs}, the newest first; run it again for the rest.', { jobs: jobCount(cap) })}</p>`;
    }
  } else {
    options = [];
    buttons = [];
  }
  if (!input.selectable && buttons.length === 0) return '';
  const all = selection.hasAll(input.shown);
  return html`<div class="bulk ${picked > 0 ? 'picking' : ''}" role="group" aria-label=${msg('Actions on jobs in {queue}', { queue: input.queue })}>
      ${input.selectable
        ? html`<label class="select-shown"><input type="checkbox" aria-label=${plural(input.shown.length, 'Select the {count} job shown', 'Select all {count} jobs shown')} .checked=${all} .indeterminate=${selection.hasSome(input.shown)}
              @change=${(event: Event) => input.onSelectAll((event.target as HTMLInputElement).checked)} />${picked > 0 ? '' : html`<span>${msg('Select all shown')}</span>`}</label>`
        : ''}
      ${picked > 0
        ? html`<span class="picked"><strong>${formatCount(picked)}</strong> ${msg('selected')}</span>
            <button type="button" class="quiet" @click=${input.onClear}>${msg('Clear selection')}</button>`
        : input.selectable && buttons.length === 0
          ? html`<span class="muted hint">${input.state ? msg('Select jobs to act on them.') : msg('Select jobs to act on them, or pick a state to act on all its jobs.')}</span>`
          : ''}
      <span class="spacer"></span>
      <span class="act-group">${buttons}</span>
    </div>
    ${note}${deniedNotes(options, 'bulk')}`;
}
