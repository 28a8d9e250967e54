/**
 * Another dashboard served under the console's mount, at `{mount}/bridge/`, behind the console's
 * own sign-in and the `bridge.view` permission, read-only: the console refuses every request but
 * GET and HEAD before the bridge sees it, and records each opening of its page in the audit log.
 * `ops-jobs/bull-board` makes one of bull-board.
 */
export interface ConsoleBridge {
  /** What the bridge shows, for the audit log and the console's link to it, such as `bull-board`. */
  readonly name: string;
  /**
   * True when the bridge shows job data as the engine holds it: the display policy cannot redact
   * it. `createOpsJobs` refuses such a bridge when `NODE_ENV` is `production` unless
   * `acknowledgedUnredactedData` is also true.
   */
  readonly showsUnredactedData: boolean;
  /** Set by the host, on the bridge's own options, to say it accepts that operators see raw job data. */
  readonly acknowledgedUnredactedData: boolean;
  /**
   * Answers a GET or HEAD request. `path` is the part under the bridge, starting with `/`; `base` is
   * the bridge's absolute path as the browser asked for it (such as `/ops/jobs/bridge/`). A page
   * answers `text/html`; the console records those openings.
   */
  handle(request: Request, path: string, base: string): Promise<Response>;
}
