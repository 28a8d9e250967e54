import { css, html, type TemplateResult } from 'lit';
import type { EditableQueueSetting, QueueSettingChange } from '../../core/vocabulary/queue-settings.ts';
import { arrowRightIcon, checkCircleIcon } from '../shared/icons.ts';
import { msg, plural } from '../shared/locale.ts';
import { settingName, settingValueText } from '../shared/queue-setting-words.ts';
import type { AuditLinks } from './action-dialog.ts';
import type { PreviewSummary } from './action-flow.ts';
import { nothingChangedYet } from './preview-parts.ts';

/**
 * What a change of settings would do: each setting that changes, with its value now and after, in
 * words. `settings` describes them (their units), from the session.
 */
export function settingsPreview(preview: PreviewSummary, changes: readonly QueueSettingChange[], settings: readonly EditableQueueSetting[]): TemplateResult {
  const described = (name: string) => settings.find((setting) => setting.name === name);
  return html`${nothingChangedYet()}
    <h3 tabindex="-1" class="count queue-count"><span>${plural(changes.length, '{count} setting of queue {queue} would change', '{count} settings of queue {queue} would change', { queue: preview.queue })}</span></h3>
    <div class="sample setting-changes">
      <table>
        <caption>${msg('Settings, now and after')}</caption>
        <thead><tr><th scope="col">${msg('Setting')}</th><th scope="col">${msg('Now')}</th><th scope="col">${msg('After')}</th></tr></thead>
        <tbody>
          ${changes.map((change) => html`<tr>
            <th scope="row">${settingName(change.setting)}</th>
            <td class="before"><del>${settingValueText(change.before, described(change.setting))}</del></td>
            <td class="after"><ins>${settingValueText(change.after, described(change.setting))}</ins></td>
          </tr>`)}
        </tbody>
      </table>
    </div>
    <ul class="effects"><li>${msg('Jobs already sent may keep the settings they were sent with; new jobs get these.')}</li></ul>`;
}

/** The outcome of a change of settings. */
export function settingsOutcome(preview: PreviewSummary, auditId: string, replayed: boolean, links: AuditLinks | null): TemplateResult {
  return html`<div class="outcome">
    <span class="mark" aria-hidden="true">${checkCircleIcon}</span>
    <h3 tabindex="-1">${msg('Settings changed')}</h3>
    <p>
      ${msg('The settings of queue {queue} were changed.', { queue: preview.queue })}
      ${msg('Recorded in the audit log with your reason.')}
      ${replayed ? msg('An earlier submit of this dialog had done it; it was not done again.') : ''}
    </p>
    ${links ? html`<a href=${links.record(auditId)}>${msg('View the audit record')} ${arrowRightIcon}</a>` : ''}
  </div>`;
}

export const settingsPreviewStyles = css`
  .setting-changes table {
    table-layout: auto;
  }
  .setting-changes th:first-child {
    width: 46%;
  }
  .setting-changes th:nth-child(2) {
    width: 27%;
  }
  .setting-changes th[scope='row'] {
    width: auto;
    font-weight: 500;
    text-align: start;
    text-transform: none;
    letter-spacing: normal;
    font-size: inherit;
    color: inherit;
  }
  .setting-changes del,
  .setting-changes ins {
    text-decoration: none;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .setting-changes del {
    color: var(--_muted);
  }
  .setting-changes ins {
    font-weight: 600;
  }
`;
