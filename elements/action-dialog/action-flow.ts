import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PROBLEM_TYPES } from '../../core/vocabulary/problem-types.ts';
import type { PreviewResponse } from '../../core/vocabulary/wire.ts';
import type { ApiClient, ExecuteResult } from '../api/api-client.ts';
import { ApiError, isAbort } from '../api/api-error.ts';
import type { ActionRequest } from '../actions/action-request.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import { msg } from '../shared/locale.ts';

/** Where an action stands in its dialog. A plain object with a derived type, not an enum. */
export const FLOW_STEP = Object.freeze({
  idle: 'idle',
  /** Waiting for the preview. */
  previewing: 'previewing',
  /** Showing what would change; nothing has changed. */
  preview: 'preview',
  /** Asking for the reason. */
  reason: 'reason',
  executing: 'executing',
  done: 'done',
  problem: 'problem',
} as const);

export type FlowStep = (typeof FLOW_STEP)[keyof typeof FLOW_STEP];

/** A preview as the dialog may show it: everything but the token. */
export type PreviewSummary = Omit<PreviewResponse, 'token'>;

/** A failed preview or execute, and which of the two failed. */
export interface FlowProblem {
  readonly error: unknown;
  readonly during: 'preview' | 'execute';
}

/** Whether the same execute may simply be sent again: the server may not have seen it, or failed. */
function mayResubmit(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status === 401 || error.status >= 500);
}

/**
 * One operator action from preview to outcome, for the dialog that shows it. Holds the preview's
 * token privately (never on a property a template could render) and one idempotency key for the
 * whole dialog, sent with every execute, so a double click or a resubmit after a lost answer
 * cannot act twice. A newer preview aborts and outdates an older one.
 */
export class ActionFlow implements ReactiveController {
  step: FlowStep = FLOW_STEP.idle;
  request: ActionRequest | null = null;
  preview: PreviewSummary | null = null;
  result: ExecuteResult | null = null;
  problem: FlowProblem | null = null;
  /** The server's objection to the reason, shown under the field. */
  reasonError: string | null = null;
  readonly #host: ReactiveControllerHost;
  readonly #api: () => ApiClient;
  readonly #onDone: (request: ActionRequest, result: ExecuteResult) => void;
  #token: string | null = null;
  #key = '';
  #reason = '';
  #abort: AbortController | null = null;
  #run = 0;

  constructor(host: ReactiveControllerHost, api: () => ApiClient, onDone: (request: ActionRequest, result: ExecuteResult) => void) {
    this.#host = host;
    this.#api = api;
    this.#onDone = onDone;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** Starts a new action: a fresh idempotency key, then its preview. */
  start(request: ActionRequest): Promise<void> {
    this.reset();
    this.request = request;
    this.#key = newIdempotencyKey();
    return this.previewAgain();
  }

  /** Previews the same request again, after an expired, drifted or otherwise unusable preview. */
  async previewAgain(): Promise<void> {
    const request = this.request;
    if (!request || this.step === FLOW_STEP.executing) return;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const run = ++this.#run;
    this.#token = null;
    this.preview = null;
    this.problem = null;
    this.reasonError = null;
    this.#set(FLOW_STEP.previewing);
    try {
      const { token, ...summary } = await this.#api().preview({ action: request.action, target: request.target, ...(request.settings ? { settings: request.settings } : {}) }, abort.signal);
      if (run !== this.#run) return;
      this.#token = token;
      this.preview = summary;
      this.#set(FLOW_STEP.preview);
    } catch (error) {
      if (run !== this.#run || isAbort(error)) return;
      this.problem = { error, during: 'preview' };
      this.#set(FLOW_STEP.problem);
    }
  }

  /** From the preview to the reason. */
  proceed(): void {
    if (this.step === FLOW_STEP.preview) this.#set(FLOW_STEP.reason);
  }

  /** From the reason back to the preview. */
  back(): void {
    if (this.step === FLOW_STEP.reason) this.#set(FLOW_STEP.preview);
  }

  /**
   * Executes the preview with `reason`. Ignored while an execute is on its way, so a double click
   * sends one request; a later resubmit sends the same idempotency key.
   */
  async execute(reason: string): Promise<void> {
    const request = this.request;
    const token = this.#token;
    if (!request || token === null || this.step === FLOW_STEP.executing) return;
    this.#reason = reason;
    this.reasonError = null;
    this.problem = null;
    const run = ++this.#run;
    this.#set(FLOW_STEP.executing);
    try {
      const result = await this.#api().execute({ token, reason }, this.#key);
      // The jobs changed whether or not the dialog is still showing this action: report it.
      this.#onDone(request, result);
      if (run !== this.#run) return;
      this.#token = null;
      this.result = result;
      this.#set(FLOW_STEP.done);
    } catch (error) {
      if (run !== this.#run) return;
      if (error instanceof ApiError && error.code === PROBLEM_TYPES.invalidInput && error.parameter === 'reason') {
        this.reasonError = error.detail || msg('The server did not accept this reason.');
        this.#set(FLOW_STEP.reason);
        return;
      }
      if (!mayResubmit(error)) this.#token = null;
      this.problem = { error, during: 'execute' };
      this.#set(FLOW_STEP.problem);
    }
  }

  /** Whether "Try again" can resend the last execute (same token, same key). */
  get canResubmit(): boolean {
    return this.problem?.during === 'execute' && this.#token !== null && mayResubmit(this.problem.error);
  }

  /** Sends the last execute again, with the same reason and idempotency key. */
  resubmit(): Promise<void> {
    return this.canResubmit ? this.execute(this.#reason) : Promise.resolve();
  }

  /**
   * Forgets everything: aborts a pending preview and drops the token. An execute already sent is
   * not taken back; its success is still reported to `onDone`.
   */
  reset(): void {
    this.#abort?.abort();
    this.#abort = null;
    this.#run++;
    this.#token = null;
    this.#reason = '';
    this.step = FLOW_STEP.idle;
    this.request = null;
    this.preview = null;
    this.result = null;
    this.problem = null;
    this.reasonError = null;
    this.#host.requestUpdate();
  }

  #set(step: FlowStep): void {
    this.step = step;
    this.#host.requestUpdate();
  }
}
