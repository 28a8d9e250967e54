import { css, html, type TemplateResult } from 'lit';
import { DEAD_LETTER_SETTING, type EditableQueueSetting, type QueueSettingValue } from '../../core/vocabulary/queue-settings.ts';
import type { QueueResponse } from '../../core/vocabulary/wire.ts';
import { msg } from '../shared/locale.ts';
import { settingName } from '../shared/queue-setting-words.ts';

/** A setting's value on `queue` as the page shows it: the dead letter queue, or one of its settings. */
export function currentValue(queue: QueueResponse, name: string): QueueSettingValue {
  return name === DEAD_LETTER_SETTING ? queue.deadLetterQueue : queue.settings[name] ?? null;
}

/** What the field of a setting says under its name: its unit and bounds, and whether it can be left empty. */
function hintOf(setting: EditableQueueSetting): string {
  const parts: string[] = [];
  if (setting.unit === 'seconds') parts.push(msg('in seconds'));
  if (setting.unit === 'milliseconds') parts.push(msg('in milliseconds'));
  if (setting.min !== undefined && setting.max !== undefined) parts.push(msg('{min} to {max}', { min: setting.min, max: setting.max }));
  else if (setting.min !== undefined) parts.push(msg('at least {min}', { min: setting.min }));
  if (setting.type === 'queue') parts.push(msg('another queue'));
  if (setting.nullable) parts.push(msg('empty for none'));
  if (setting.requires) parts.push(msg('needs {setting} on', { setting: settingName(setting.requires).toLowerCase() }));
  if (setting.pairedWith) parts.push(msg('set with {setting}', { setting: settingName(setting.pairedWith).toLowerCase() }));
  return parts.join(' · ');
}

function field(setting: EditableQueueSetting, value: QueueSettingValue): TemplateResult {
  const id = `setting-${setting.name}`;
  const hint = hintOf(setting);
  if (setting.type === 'boolean') {
    return html`<div class="field check">
      <input type="checkbox" id=${id} name=${setting.name} ?checked=${value === true} aria-describedby=${hint ? `${id}-hint` : ''}>
      <label for=${id}>${settingName(setting.name)}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''}
    </div>`;
  }
  const shown = value === null ? '' : String(value);
  // A value can be emptied only where null clears it; one the queue does not report may stay empty.
  const required = !setting.nullable && value !== null;
  return html`<div class="field">
    <label for=${id}>${settingName(setting.name)}</label>
    ${setting.type === 'integer'
      ? html`<input type="number" inputmode="numeric" step="1" id=${id} name=${setting.name} .value=${shown}
          min=${setting.min ?? ''} max=${setting.max ?? ''} ?required=${required} aria-describedby="${id}-hint">`
      : html`<input type="text" id=${id} name=${setting.name} .value=${shown} maxlength="500" autocomplete="off" spellcheck="false"
          ?required=${required} aria-describedby="${id}-hint">`}
    <span class="hint" id="${id}-hint">${hint}</span>
  </div>`;
}

/**
 * The form that edits a queue's settings: one field per setting the engine can change, filled with
 * the queue's values. Submitting hands the changed values (only those) to `onSubmit`, which opens
 * the action dialog with their preview; nothing changes before that.
 */
export function settingsForm(
  queue: QueueResponse,
  settings: readonly EditableQueueSetting[],
  note: string,
  onSubmit: (values: Record<string, QueueSettingValue>) => void,
  onCancel: () => void,
): TemplateResult {
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    onSubmit(changedValues(event.target as HTMLFormElement, queue, settings));
  };
  return html`<form class="settings-form" @submit=${submit} aria-describedby="settings-form-note">
    <div class="fields">${settings.map((setting) => field(setting, currentValue(queue, setting.name)))}</div>
    <p class="note" id="settings-form-note" role="status">${note}</p>
    <div class="form-actions">
      <button type="button" @click=${onCancel}>${msg('Cancel')}</button>
      <button type="submit" class="primary">${msg('Preview changes')}</button>
    </div>
  </form>`;
}

/** The values in `form` that differ from the queue's: numbers as numbers, an emptied field as null. */
export function changedValues(form: HTMLFormElement, queue: QueueResponse, settings: readonly EditableQueueSetting[]): Record<string, QueueSettingValue> {
  const values: Record<string, QueueSettingValue> = {};
  for (const setting of settings) {
    const input = form.elements.namedItem(setting.name);
    if (!(input instanceof HTMLInputElement)) continue;
    let value: QueueSettingValue;
    if (setting.type === 'boolean') value = input.checked;
    else if (input.value.trim() === '') value = null;
    else value = setting.type === 'integer' ? Number(input.value) : input.value.trim();
    const current = currentValue(queue, setting.name);
    // A switch the engine does not report reads as off, and stays unsent while left off.
    if (value !== (setting.type === 'boolean' ? current ?? false : current)) values[setting.name] = value;
  }
  return values;
}

export const settingsFormStyles = css`
  .settings .title-row {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem;
    margin: 0 0 0.6rem;
  }
  .settings .title-row h2 {
    margin: 0;
  }
  .settings .edit-settings {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 32px;
  }
  .settings-form .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.85rem 1.2rem;
  }
  .settings-form .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }
  .settings-form .field label {
    font-size: 0.8125rem;
    font-weight: 500;
  }
  .settings-form .field.check {
    grid-template-columns: auto 1fr;
    align-items: center;
    column-gap: 0.5rem;
  }
  .settings-form .field.check .hint {
    grid-column: 1 / -1;
  }
  .settings-form input[type='number'],
  .settings-form input[type='text'] {
    min-height: 32px;
    width: 100%;
    box-sizing: border-box;
    font: inherit;
    font-variant-numeric: tabular-nums;
  }
  .settings-form .hint {
    font-size: 0.75rem;
    color: var(--_muted);
  }
  .settings-form .note {
    min-height: 1.2em;
    margin: 0.75rem 0 0;
    font-size: 0.8125rem;
    color: var(--_muted);
  }
  .settings-form .form-actions {
    display: flex;
    justify-content: flex-end;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.5rem;
  }
`;
