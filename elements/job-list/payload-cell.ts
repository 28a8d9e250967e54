import { css, html, type TemplateResult } from 'lit';
import type { JobSummaryResponse } from '../../core/vocabulary/wire.ts';
import { msg } from '../shared/locale.ts';

/** Styles of the payload column: field and value pairs, one line each, cut with an ellipsis. */
export const payloadCellStyles = css`
  td.payload {
    max-width: 0;
    width: 22%;
  }
  td.payload .kv {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.8125rem;
  }
  td.payload .k {
    color: var(--_muted);
    font-family: var(--_mono);
  }
  td.payload .v {
    font-family: var(--_mono);
  }
  @container (max-width: 760px) {
    td.payload {
      order: 4;
      flex: 1 0 100%;
      max-width: 100%;
      width: auto;
    }
    td.payload:empty {
      display: none;
    }
  }
`;

/** The header of the payload column. */
export function payloadHeader(): TemplateResult {
  return html`<th role="columnheader" scope="col">${msg('Payload')}</th>`;
}

/**
 * A job's values of the searchable payload fields, as the server sent them (through the display
 * policy), in the order `fields` lists them; empty when it sent none.
 */
export function payloadCell(job: JobSummaryResponse, fields: readonly string[]): TemplateResult {
  const values = job.fields ?? {};
  const shown = fields.filter((field) => values[field] !== undefined);
  return html`<td role="cell" class="payload">${shown.map((field) => html`<span class="kv" dir="auto" title="${field}: ${values[field]}"
      ><span class="k">${field}</span> <span class="v">${values[field]}</span></span>`)}</td>`;
}
