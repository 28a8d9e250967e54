import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { MAX_DATA_FILTERS } from '../../core/vocabulary/data-filter.ts';
import type { JobDataFilter } from '../api/job-data-filter.ts';
import { controls } from '../shared/controls.styles.ts';
import { localized, msg, plural } from '../shared/locale.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { dataFilterStyles } from './data-filter.styles.ts';

/** Sent by `<ops-jobs-data-filter>` with the payload conditions the operator wants. */
export class OpsJobsDataFilterChangeEvent extends Event {
  static readonly eventName = 'ops-jobs-data-filter-change';
  readonly data: JobDataFilter;
  constructor(data: JobDataFilter) {
    super(OpsJobsDataFilterChangeEvent.eventName, { bubbles: true, composed: true });
    this.data = data;
  }
}

/**
 * The payload filter of a queue's jobs (inside `<ops-jobs-job-list>`): the conditions in force as
 * chips ("customer.id = cus_42", each with a button that removes it, and "Clear" for all), and a
 * form that adds one, "field = value", over the fields the display policy lists as searchable.
 * It changes nothing itself: `ops-jobs-data-filter-change` carries the conditions wanted, which
 * the job list keeps in the page address.
 *
 * @prop fields - the payload fields (dotted paths) to offer.
 * @prop data - the conditions in force, `{ "customer.id": "cus_42" }`.
 *
 * @fires ops-jobs-data-filter-change - the operator added, removed or cleared a condition.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 */
export class OpsJobsDataFilter extends LitElement {
  static override styles = [tokens, controls, dataFilterStyles];

  @property({ attribute: false }) fields: readonly string[] = [];
  @property({ attribute: false }) data: JobDataFilter = {};

  constructor() {
    super();
    localized(this);
  }

  #change(data: JobDataFilter): void {
    this.dispatchEvent(new OpsJobsDataFilterChangeEvent(data));
  }

  readonly #submit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = String(form.get('field') ?? '');
    const value = String(form.get('value') ?? '').trim();
    if (field && value) this.#change({ ...this.data, [field]: value });
  };

  override render() {
    const active = Object.entries(this.data);
    const open = this.fields.filter((field) => !(field in this.data));
    const without = (field: string) => Object.fromEntries(active.filter(([name]) => name !== field));
    return html`<div class="data-filter">
      ${active.length > 0
        ? html`<ul class="chips" aria-label=${msg('Payload filters')}>${active.map(([field, value]) => html`<li class="chip">
            <span class="v" title="${field} = ${value}">${field} = ${value}</span>
            <button type="button" aria-label=${msg('Remove filter {field} = {value}', { field, value })} @click=${() => this.#change(without(field))}>×</button>
          </li>`)}</ul>`
        : ''}
      ${open.length > 0 && active.length < MAX_DATA_FILTERS
        ? html`<form role="search" aria-label=${msg('Filter jobs by payload field')} @submit=${this.#submit}>
            <label class="visually-hidden" for="data-field">${msg('Payload field')}</label>
            <select id="data-field" name="field">${open.map((field) => html`<option value=${field}>${field}</option>`)}</select>
            <span class="eq" aria-hidden="true">=</span>
            <label class="visually-hidden" for="data-value">${msg('Value')}</label>
            <input id="data-value" name="value" type="search" required maxlength="200" autocomplete="off" spellcheck="false" placeholder=${msg('Value')} />
            <button type="submit">${msg('Apply filter')}</button>
          </form>`
        : ''}
      ${active.length > 0
        ? html`<button type="button" class="quiet clear" @click=${() => this.#change({})}>${plural(active.length, 'Clear filter', 'Clear filters')}</button>`
        : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-data-filter-change': OpsJobsDataFilterChangeEvent;
  }
}
