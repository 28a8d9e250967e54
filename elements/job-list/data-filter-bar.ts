import { css, html, type TemplateResult } from 'lit';
import type { JobDataFilter } from '../api/job-data-filter.ts';
import { MAX_DATA_FILTERS } from '../../core/vocabulary/data-filter.ts';
import { msg, plural } from '../shared/locale.ts';

/** Styles of the payload filter bar. */
export const dataFilterStyles = css`
  .data-filter {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: -0.25rem 0 1rem;
  }
  .data-filter form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
  }
  .data-filter select,
  .data-filter input {
    font-family: var(--_mono);
    font-size: 0.8125rem;
  }
  .data-filter input {
    width: min(14rem, 40vw);
  }
  .data-filter .eq {
    color: var(--_muted);
    font-family: var(--_mono);
  }
  .data-filter .chips {
    display: contents;
    list-style: none;
  }
  .data-filter .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.15rem 0.2rem 0.15rem 0.6rem;
    border-radius: 999px;
    border: 1px solid var(--_border-strong);
    background: var(--_surface-muted);
    font-family: var(--_mono);
    font-size: 0.8125rem;
    max-width: 100%;
  }
  .data-filter .chip .v {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 16rem;
  }
  .data-filter .chip button {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0 0.4rem;
    border-radius: 999px;
    box-shadow: none;
    border-color: transparent;
    background: transparent;
  }
  @container (max-width: 560px) {
    .data-filter form {
      flex: 1 0 100%;
    }
    .data-filter input {
      flex: 1;
      width: auto;
      min-width: 0;
    }
  }
`;

/**
 * The payload filter of a queue's jobs: the conditions in force as chips ("customer.id = cus_42",
 * each with a button that removes it, and "Clear" for all), and a form that adds one, "field =
 * value", over the fields the display policy lists as searchable. Nothing when the policy lists
 * none and no condition is in force. `onChange` gets the conditions wanted; the caller keeps them
 * in the page URL.
 */
export function dataFilterBar(fields: readonly string[], data: JobDataFilter, onChange: (data: JobDataFilter) => void): TemplateResult | string {
  const active = Object.entries(data);
  if (fields.length === 0 && active.length === 0) return '';
  const open = fields.filter((field) => !(field in data));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const field = String(form.get('field') ?? '');
    const value = String(form.get('value') ?? '').trim();
    if (field && value) onChange({ ...data, [field]: value });
  };
  const without = (field: string) => Object.fromEntries(active.filter(([name]) => name !== field));
  return html`<div part="data-filter" class="data-filter">
    ${active.length > 0
      ? html`<ul class="chips" aria-label=${msg('Payload filters')}>${active.map(([field, value]) => html`<li class="chip">
          <span class="v" title="${field} = ${value}">${field} = ${value}</span>
          <button type="button" aria-label=${msg('Remove filter {field} = {value}', { field, value })} @click=${() => onChange(without(field))}>×</button>
        </li>`)}</ul>`
      : ''}
    ${open.length > 0 && active.length < MAX_DATA_FILTERS
      ? html`<form role="search" aria-label=${msg('Filter jobs by payload field')} @submit=${submit}>
          <label class="visually-hidden" for="data-field">${msg('Payload field')}</label>
          <select id="data-field" name="field">${open.map((field) => html`<option value=${field}>${field}</option>`)}</select>
          <span class="eq" aria-hidden="true">=</span>
          <label class="visually-hidden" for="data-value">${msg('Value')}</label>
          <input id="data-value" name="value" type="search" required maxlength="200" autocomplete="off" spellcheck="false" placeholder=${msg('Value')} />
          <button type="submit">${msg('Filter')}</button>
        </form>`
      : ''}
    ${active.length > 0
      ? html`<button type="button" class="quiet clear" @click=${() => onChange({})}>${plural(active.length, 'Clear filter', 'Clear filters')}</button>`
      : ''}
  </div>`;
}
