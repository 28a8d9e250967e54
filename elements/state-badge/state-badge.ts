import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { isJobState, type JobState } from '../../core/vocabulary/job-states.ts';
import { stateHint, stateLabel } from '../shared/state-copy.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { stateBadgeStyles } from './state-badge.styles.ts';
import { localized } from '../shared/locale.ts';

/**
 * A job state as a coloured pill with a dot, its meaning as a tooltip.
 *
 * @attr state - one of the job states (`failed`, `active`, ...); anything else shows as written.
 *
 * @csspart badge - the pill.
 *
 * @cssprop --ops-jobs-badge-font-size - text size (0.75rem).
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsStateBadge extends LitElement {
  static override styles = [tokens, stateColors, stateBadgeStyles];

  constructor() {
    super();
    localized(this);
  }

  @property({ reflect: true }) state: JobState | string = '';

  override render() {
    const known = isJobState(this.state);
    return html`<span part="badge" class="badge state-${known ? this.state : 'cancelled'}" title=${known ? stateHint(this.state as JobState) : ''}
      ><span class="dot" aria-hidden="true"></span>${known ? stateLabel(this.state as JobState) : this.state}</span
    >`;
  }
}
