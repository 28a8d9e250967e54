import type { OperatorAction } from '../../core/vocabulary/actions.ts';

/**
 * Sent by `<ops-jobs-action-dialog>` when an action has been executed and audited. Views refresh
 * in place on it; a host page can listen for it too (to show a notice, say).
 */
export class OpsJobsActionDoneEvent extends Event {
  static readonly eventName = 'ops-jobs-action-done';
  readonly action: OperatorAction;
  readonly queue: string;
  /** How many jobs the engine changed. */
  readonly affected: number;
  /** The audit record of the action. */
  readonly auditId: string;
  /** True when the server answered from an earlier submit of the same dialog instead of acting again. */
  readonly replayed: boolean;

  constructor(init: { action: OperatorAction; queue: string; affected: number; auditId: string; replayed: boolean }) {
    super(OpsJobsActionDoneEvent.eventName, { bubbles: true, composed: true });
    this.action = init.action;
    this.queue = init.queue;
    this.affected = init.affected;
    this.auditId = init.auditId;
    this.replayed = init.replayed;
  }
}

declare global {
  interface HTMLElementEventMap {
    'ops-jobs-action-done': OpsJobsActionDoneEvent;
  }
}
