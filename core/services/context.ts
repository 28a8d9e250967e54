import type { AuthSeam } from '../contracts/auth.ts';
import type { ConsoleBridge } from '../contracts/bridge.ts';
import type { JobEngine } from '../contracts/engine.ts';
import type { OpsStore } from '../contracts/store.ts';
import type { Logger, ResolvedOptions } from '../options.ts';
import type { Presenter } from '../presenter/presenter.ts';
import type { Access } from './access.ts';
import type { ChangeFeed } from '../live/change-feed.ts';
import type { DiagnosisPass } from '../diagnosis/diagnosis-pass.ts';
import type { AttemptLog } from './refused-attempts.ts';
import type { IncidentKeeper } from '../incidents/keeper.ts';
import type { StreamRegistry } from '../live/stream-registry.ts';

/** What every service works with. */
export interface ServiceContext {
  readonly engine: JobEngine;
  readonly store: OpsStore;
  readonly auth: AuthSeam;
  readonly access: Access;
  readonly presenter: Presenter;
  readonly limits: ResolvedOptions['actions'];
  readonly clock: () => Date;
  readonly logger: Logger;
  /** The live streams open in this process, for ending an operator's at once. */
  readonly streams: StreamRegistry;
  /** Where refused and failed executes are recorded. */
  readonly attempts: AttemptLog;
  /** Where executed actions are announced to open consoles. */
  readonly feed: ChangeFeed;
  readonly live: ResolvedOptions['live'];
  /** When a worker process counts as late or missing. */
  readonly workerHealth: ResolvedOptions['workers'];
  /** The background diagnosis behind the overview's "needs attention". */
  readonly diagnosis: DiagnosisPass;
  /** Where the diagnosis's incidents are kept, and repairs of them told to the host. */
  readonly incidents: IncidentKeeper;
  /** The dashboard served read-only under `{mount}/bridge/`, if the host configured one. */
  readonly bridge: ConsoleBridge | null;
  /** The host's sign-out page relative to the mount's root (`../../account/switch`), if given. */
  readonly signOutUrl: string | null;
}
