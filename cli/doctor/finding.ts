/** How bad a finding is: `ok` is a check that passed. */
export type Severity = 'ok' | 'warning' | 'error';

/** One result of `ops-jobs doctor`. Problems say how to fix them. */
export interface Finding {
  /** Stable, dotted, such as `store.unmigrated`; listed in docs/guides/production-hardening.md. */
  readonly id: string;
  readonly severity: Severity;
  readonly title: string;
  readonly detail: string;
  /** What to do about it; null when the check passed. */
  readonly fix: string | null;
}

export function passed(id: string, title: string, detail = ''): Finding {
  return { id, severity: 'ok', title, detail, fix: null };
}

export function warning(id: string, title: string, detail: string, fix: string): Finding {
  return { id, severity: 'warning', title, detail, fix };
}

export function failure(id: string, title: string, detail: string, fix: string): Finding {
  return { id, severity: 'error', title, detail, fix };
}

/** A problem that matters in production: an error there, a warning elsewhere. */
export function inProduction(production: boolean, id: string, title: string, detail: string, fix: string): Finding {
  return production ? failure(id, title, detail, fix) : warning(id, title, `${detail} Acceptable while developing; an error when NODE_ENV is production.`, fix);
}

/** 0 when every finding passed, 1 with warnings, 2 with errors. */
export function exitCodeOf(findings: readonly Finding[]): 0 | 1 | 2 {
  if (findings.some((finding) => finding.severity === 'error')) return 2;
  return findings.some((finding) => finding.severity === 'warning') ? 1 : 0;
}

/** `error.message`, or the value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
