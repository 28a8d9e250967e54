import { html, type TemplateResult } from 'lit';
import { infoIcon, warningIcon } from '../shared/icons.ts';
import { msg } from '../shared/locale.ts';

/** A translated sentence with markup standing in its `{name}` placeholder, such as a name set in bold. */
export function withPart(text: string, name: string, part: TemplateResult): Array<string | TemplateResult> {
  const at = text.indexOf(`{${name}}`);
  return at < 0 ? [text] : [text.slice(0, at), part, text.slice(at + name.length + 2)];
}

/** The line every preview opens with: nothing has changed yet. */
export function nothingChangedYet(): TemplateResult {
  return html`<p class="box calm">${infoIcon}<span><strong>${msg('Nothing has changed yet.')}</strong> ${msg('This preview shows what would change; you confirm with a reason next.')}</span></p>`;
}

/** The engine's and the console's warnings about a preview, when it has any. */
export function previewWarnings(warnings: readonly string[]): TemplateResult | string {
  if (warnings.length === 0) return '';
  return html`<section class="box warnings" aria-labelledby="warnings-h">
    <h3 id="warnings-h">${warningIcon} ${msg('Read before you continue')}</h3>
    <ul>${warnings.map((warning) => html`<li>${warning}</li>`)}</ul>
  </section>`;
}
