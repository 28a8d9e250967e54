import { html, type TemplateResult } from 'lit';
import { AUDIT_OUTCOMES } from '../../core/vocabulary/audit-outcomes.ts';
import { chevronIcon } from '../shared/icons.ts';
import { AUDIT_FILTER_KEYS, auditFilterCount, type AuditFilterKey, type AuditQuery } from '../api/audit-query.ts';
import { ACTION_ORDER, QUEUE_ACTION_ORDER } from '../actions/action-copy.ts';
import { anyActionName, SCHEDULE_ACTION_ORDER } from '../actions/schedule-copy.ts';
import { msg, plural } from '../shared/locale.ts';
import { actionVerb } from './audit-text.ts';
import { outcomeLabel } from './audit-text.ts';
import { fromLocalInput, toLocalInput } from './local-datetime.ts';
import { formatCount } from '../shared/format.ts';
import type { AuditSuggestionOption, SuggestedFilter } from './audit-suggestions.ts';

const TIME_KEYS: readonly AuditFilterKey[] = ['from', 'to'];

/** Reads the filter form into a query: empty fields drop out, times become ISO instants. */
function readFilterForm(form: HTMLFormElement): AuditQuery {
  const data = new FormData(form);
  const query: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const raw = String(data.get(key) ?? '').trim();
    const value = TIME_KEYS.includes(key) ? fromLocalInput(raw) : raw;
    if (value) query[key] = value;
  }
  return query;
}

/** What the filters suggest as they are typed, for those that suggest values. */
export interface FilterSuggestions {
  options(field: SuggestedFilter): readonly AuditSuggestionOption[];
  ask(field: SuggestedFilter, text: string): void;
}

/**
 * The audit log's filter form, in a disclosure ("Filters · 2 active"): operator id, action, queue,
 * job id, schedule key, outcome and a time range. Submitting calls `onApply` with the filters read from the
 * form; "Clear" calls it with none. Inputs follow the query, so a changed URL (back, forward, a
 * link) refills them. `open` says whether the disclosure starts open; `onToggle` reports changes.
 */
export function auditFilters(query: AuditQuery, onApply: (query: AuditQuery) => void, open: boolean, onToggle: (open: boolean) => void, suggest?: FilterSuggestions): TemplateResult {
  const text = (key: AuditFilterKey, label: string, suggested?: SuggestedFilter, placeholder?: string) => {
    if (!suggest || !suggested) {
      return html`<div class="f">
        <label for="f-${key}">${label}</label>
        <input id="f-${key}" name=${key} .value=${query[key] ?? ''} autocomplete="off" spellcheck="false" />
      </div>`;
    }
    const ask = (event: Event) => suggest.ask(suggested, (event.target as HTMLInputElement).value);
    return html`<div class="f">
      <label for="f-${key}">${label}</label>
      <input id="f-${key}" name=${key} .value=${query[key] ?? ''} autocomplete="off" spellcheck="false" list="f-${key}-options"
        placeholder=${placeholder ?? ''} @input=${ask} @focus=${ask} />
      <datalist id="f-${key}-options">${suggest.options(suggested).map((option) => html`<option value=${option.value} label=${option.label}></option>`)}</datalist>
    </div>`;
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onApply(readFilterForm(event.target as HTMLFormElement));
  };
  const active = auditFilterCount(query);
  return html`<details part="filters" class="card filter-box" ?open=${open} @toggle=${(event: Event) => onToggle((event.target as HTMLDetailsElement).open)}>
    <summary>${chevronIcon}<span>${msg('Filters')}</span>${active > 0 ? html`<span class="muted">· ${msg('{count} active', { count: formatCount(active) })}</span>` : ''}</summary>
    <form class="filters" role="search" aria-label=${msg('Filter the audit log')} @submit=${submit}>
    ${text('actor', msg('Operator ID'), 'operator', msg('Name or ID'))}
    <div class="f">
      <label for="f-action">${msg('Action')}</label>
      <select id="f-action" name="action" .value=${query.action ?? ''}>
        <option value="" ?selected=${!query.action}>${msg('Any action')}</option>
        ${[...ACTION_ORDER, ...QUEUE_ACTION_ORDER, ...SCHEDULE_ACTION_ORDER].map((action) => html`<option value=${action} ?selected=${query.action === action}>${anyActionName(action)}</option>`)}
        <option value="bridge.view" ?selected=${query.action === 'bridge.view'}>${actionVerb('bridge.view')}</option>
      </select>
    </div>
    ${text('queue', msg('Queue'), 'queue')}
    ${text('job', msg('Job ID'))}
    ${text('schedule', msg('Schedule key'))}
    <div class="f">
      <label for="f-outcome">${msg('Outcome')}</label>
      <select id="f-outcome" name="outcome" .value=${query.outcome ?? ''}>
        <option value="" ?selected=${!query.outcome}>${msg('Any outcome')}</option>
        ${AUDIT_OUTCOMES.map((outcome) => html`<option value=${outcome} ?selected=${query.outcome === outcome}>${outcomeLabel(outcome)}</option>`)}
      </select>
    </div>
    <div class="f">
      <label for="f-from">${msg('From')}</label>
      <input id="f-from" name="from" type="datetime-local" .value=${toLocalInput(query.from)} />
    </div>
    <div class="f">
      <label for="f-to">${msg('Until')}</label>
      <input id="f-to" name="to" type="datetime-local" .value=${toLocalInput(query.to)} />
    </div>
    <div class="f buttons">
      <button type="submit" class="primary">${msg('Apply filters')}</button>
      ${active > 0 ? html`<button type="button" class="quiet" @click=${() => onApply({})}>${plural(active, 'Clear filter', 'Clear filters')}</button>` : ''}
    </div>
    </form>
  </details>`;
}
