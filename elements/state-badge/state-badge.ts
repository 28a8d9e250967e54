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
 * @cssprop --ops-jobs-state-<state> - the solid colour of a state, e.g. `--ops-jobs-state-failed`.
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
