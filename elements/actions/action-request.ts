import type { OperatorAction } from '../../core/vocabulary/actions.ts';
import type { PreviewRequestBody } from '../../core/vocabulary/wire.ts';

/** What an operator asked to do, before the preview: the action, its target, and words for the target. */
export interface ActionRequest {
  readonly action: OperatorAction;
  /** Sent as the preview's `target`: a queue and either job ids or a state filter. */
  readonly target: PreviewRequestBody['target'];
  /** The target as the dialog names it: "job 3d75ca44", "3 selected jobs", "all 127 failed jobs". */
  readonly subject: string;
  /** For `queue.configure`: the new value of each setting to change, sent with the preview. */
  readonly settings?: PreviewRequestBody['settings'];
}
