import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { JobDetailResponse } from '../../core/vocabulary/wire.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { jobTimelineStyles } from './job-timeline.styles.ts';
import { timelineSteps } from './timeline-steps.ts';
import { localized, msg } from '../shared/locale.ts';

/**
 * A job's life as a vertical timeline: created, run after, started, and how it ended, each with
 * its exact time, how long ago, and how long it waited or ran.
 *
 * @csspart list - the `<ol>`.
 * @csspart step - each step.
 *
 * @cssprop --ops-jobs-color-<name> - the colours, such as `--ops-jobs-color-accent` (each is listed on `<ops-jobs-console>`).
 * @cssprop --ops-jobs-font-family - text font (the system UI font).
 * @cssprop --ops-jobs-font-mono - code font (the system monospace font).
 * @cssprop --ops-jobs-radius - card corner radius (10px).
 * @cssprop --ops-jobs-radius-small - corner radius of buttons and badges (6px).
 * @cssprop --ops-jobs-shadow - the shadow under cards and buttons.
 * @cssprop --ops-jobs-state-<state> - the solid colour of a job state (bars, dots), such as `--ops-jobs-state-failed`.
 */
export class OpsJobsJobTimeline extends LitElement {
  static override styles = [tokens, stateColors, jobTimelineStyles];

  constructor() {
    super();
    localized(this);
  }

  /** The job, as the detail API sends it (only `state` and `timings` are read). */
  @property({ attribute: false }) job: Pick<JobDetailResponse, 'state' | 'timings'> | undefined;

  override render() {
    if (!this.job) return nothing;
    return html`<ol part="list" aria-label=${msg('Timeline')}>
      ${timelineSteps(this.job).map(
        (step) => html`<li part="step" class="${step.tone} state-failed">
          <span class="marker" aria-hidden="true"></span>
          <span class="label">${step.label}</span>
          ${step.at
            ? html`<span class="when"><ops-jobs-relative-time datetime=${step.at} format="exact"></ops-jobs-relative-time></span>
                <span class="sub"><ops-jobs-relative-time datetime=${step.at}></ops-jobs-relative-time>${step.note ? ` · ${step.note}` : ''}</span>`
            : step.note
              ? html`<span class="sub">${step.note}</span>`
              : ''}
        </li>`,
      )}
    </ol>`;
  }
}
