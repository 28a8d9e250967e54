import type { OpsJobsConfig } from '../config.ts';
import type { Finding } from './finding.ts';
import type { ConfigLoad } from './load-config.ts';
import type { PermissionsTable } from './permissions-table.ts';

/** What every check may read. */
export interface DoctorContext {
  readonly load: ConfigLoad;
  /** The loaded config; null when it could not be loaded (see `load`). */
  readonly config: OpsJobsConfig | null;
  /** NODE_ENV is production: starters and show-all policies are errors, not warnings. */
  readonly production: boolean;
  /** Where the host project's packages resolve from: the config module's directory. */
  readonly projectDir: string;
  /** `authorize` for every role and action; null without a usable auth seam or roles. */
  readonly permissions: PermissionsTable | null;
  /** `--url`: the mounted console as operators reach it, such as https://host/ops/jobs; null when not given. */
  readonly url: string | null;
  /** `--header`s sent with the URL checks, to sign in as an operator. */
  readonly headers: readonly (readonly [string, string])[];
  /** The longest any one probe may take. */
  readonly timeoutMs: number;
}

/** One check: what it found, possibly several findings, possibly none when it does not apply. */
export type Check = (context: DoctorContext) => Promise<readonly Finding[]>;
