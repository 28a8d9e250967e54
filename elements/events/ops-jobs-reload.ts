/** Sent by `<ops-jobs-problem>` when the operator asks to try a failed load again. */
export class OpsJobsReloadEvent extends Event {
  static readonly eventName = 'ops-jobs-reload';

  constructor() {
    super(OpsJobsReloadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-reload': OpsJobsReloadEvent;
  }
}
