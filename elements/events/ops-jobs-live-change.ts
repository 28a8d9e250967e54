import type { LiveState } from '../live/live-state.ts';

/**
 * Sent by `<ops-jobs-console>` when its live connection changes state: `live`, `reconnecting`,
 * `polling`, `stale` or `signed-out`. `freshAt` is when what is on screen was last known current.
 */
export class OpsJobsLiveChangeEvent extends Event {
  static readonly eventName = 'ops-jobs-live-change';
  readonly state: LiveState;
  readonly freshAt: Date;

  constructor(state: LiveState, freshAt: Date) {
    super(OpsJobsLiveChangeEvent.eventName, { bubbles: true, composed: true });
    this.state = state;
    this.freshAt = freshAt;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-live-change': OpsJobsLiveChangeEvent;
  }
}
