import { html, type TemplateResult } from 'lit';
import { refreshIcon } from './icons.ts';
import { msg } from './locale.ts';

/**
 * The "Refresh" button in a view's heading row: its icon spins while the view loads, and on
 * narrow screens only the icon shows, so `label` ("Refresh jobs") names it for everyone.
 */
export function refreshButton(busy: boolean, label: string, onClick: () => void): TemplateResult {
  return html`<button type="button" @click=${onClick} aria-label=${label}>
    <span class=${busy ? 'spin' : ''}>${refreshIcon}</span><span class="label">${msg('Refresh')}</span>
  </button>`;
}
