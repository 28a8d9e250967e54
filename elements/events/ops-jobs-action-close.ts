/**
 * Sent by `<ops-jobs-action-dialog>` when it closes. `stale` is true when the dialog learned that
 * the jobs behind it changed without this action (a drifted plan, a preview already used, nothing
 * left to act on, a failed execute), so the view should load them again.
 */
export class OpsJobsActionCloseEvent extends Event {
  static readonly eventName = 'ops-jobs-action-close';
  readonly stale: boolean;

  constructor(stale: boolean) {
    super(OpsJobsActionCloseEvent.eventName, { bubbles: true, composed: true });
    this.stale = stale;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-action-close': OpsJobsActionCloseEvent;
  }
}
