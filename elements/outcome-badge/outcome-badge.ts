import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { isAuditOutcome, type AuditOutcome } from '../../core/vocabulary/audit-outcomes.ts';
import { outcomeHint, outcomeLabel } from '../audit-log/audit-text.ts';
import { controls } from '../shared/controls.styles.ts';
import { stateColors } from '../shared/state-colors.styles.ts';
import { tokens } from '../shared/tokens.styles.ts';
import { stateBadgeStyles } from '../state-badge/state-badge.styles.ts';
import { outcomeBadgeStyles } from './outcome-badge.styles.ts';
import { localized, msg } from '../shared/locale.ts';

/** Outcomes wear the colours of the job states they resemble. */
const COLOURS: Readonly<Record<AuditOutcome, string>> = {
  succeeded: 'state-completed',
  failed: 'state-failed',
  pending: 'state-retrying pending',
  denied: 'state-cancelled',
  expired: 'state-cancelled',
  already_used: 'state-cancelled',
  drifted: 'state-cancelled',
};

/**
 * How an audited action ended, as a pill: succeeded, failed, or pending (an open intent, drawn
 * hollow so it does not read as a result). Its meaning is the tooltip.
 *
 * @attr outcome - an audit outcome (`succeeded`, `failed`, `pending`, or a refused attempt such as `denied`); anything else shows as written.
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
 * @cssprop --ops-jobs-state-<state> - the dot's colour: `--ops-jobs-state-completed` for succeeded, `-failed` for failed, `-retrying` for pending.
 */
export class OpsJobsOutcomeBadge extends LitElement {
  static override styles = [tokens, controls, stateColors, stateBadgeStyles, outcomeBadgeStyles];

  constructor() {
    super();
    localized(this);
  }

  @property({ reflect: true }) outcome: AuditOutcome | string = '';

  override render() {
    const known = isAuditOutcome(this.outcome);
    const label = known ? outcomeLabel(this.outcome as AuditOutcome) : this.outcome;
    return html`<span part="badge" class="badge ${known ? COLOURS[this.outcome as AuditOutcome] : 'state-cancelled'}" title=${known ? outcomeHint(this.outcome as AuditOutcome) : ''}
      ><span class="dot" aria-hidden="true"></span>${label}${this.outcome === 'pending' ? html`<span class="visually-hidden">: ${msg('open intent')}</span>` : ''}</span
    >`;
  }
}
