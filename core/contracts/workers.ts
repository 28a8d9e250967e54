/** One queue a worker process takes jobs from, as at its last heartbeat. */
export interface QueueWorker {
  readonly queue: string;
  /** Jobs it may run at once. */
  readonly concurrency: number;
  /** Jobs it had in hand. */
  readonly active: number;
  readonly lastFetchedAt: string | null;
  readonly lastFinishedAt: string | null;
  readonly lastErrorAt: string | null;
}

/** A process running the engine, as the engine keeps track of it (pg-boss: its instance rows). */
export interface WorkerInstance {
  readonly id: string;
  /** The name the application gave it, if any. */
  readonly name: string | null;
  readonly host: string;
  readonly pid: number;
  /** The engine library's version it runs. */
  readonly version: string | null;
  /** Its runtime, such as `v24.21.0`. */
  readonly runtime: string | null;
  /** How often it says it is alive; null when the engine does not say. */
  readonly heartbeatSeconds: number | null;
  readonly startedAt: string;
  /** Its last heartbeat. */
  readonly lastSeenAt: string;
  /** When it stopped cleanly; null while it runs, or when it died without stopping. */
  readonly stoppedAt: string | null;
  /** How many times a process by its name and host ended without stopping before this one started. */
  readonly crashRestarts: number;
  readonly workers: readonly QueueWorker[];
}

export interface WorkerInstancePage {
  readonly instances: readonly WorkerInstance[];
  /** True when the engine knows more instances than were read. */
  readonly more: boolean;
}
