// The overview's background diagnosis pass on the bench database, run in this process exactly as
// a host process runs it (the console's own pass over the pg-boss engine), and measured like a
// view: latency per pass and the database's work per pass.
import { PgBoss } from 'pg-boss';
import { createDiagnosisPass } from '../../core/diagnosis/diagnosis-pass.ts';
import { fromPgBoss } from '../../adapters/pg-boss/index.ts';
import type { DatabaseWatch } from './database-work.ts';
import { measureRuns, type ViewCost } from './measure-views.ts';

export interface DiagnosisCost {
  readonly cost: ViewCost;
  /** What the last pass found, by kind, such as `backlog 4`. */
  readonly found: string;
}

export async function measureDiagnosis(
  url: string,
  watch: DatabaseWatch,
  options: { readonly warmup: number; readonly count: number; readonly log: (line: string) => void },
): Promise<DiagnosisCost> {
  const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, application_name: 'ops-jobs bench (diagnosis)' });
  boss.on('error', (error) => console.error('pg-boss error:', error));
  await boss.start();
  const pass = createDiagnosisPass({
    engine: fromPgBoss(boss), logger: console, clock: () => new Date(), intervalMs: 30_000,
    thresholds: { backlogSeconds: 300, failureWindowSeconds: 300 },
    workerHealth: { lateAfterHeartbeats: 2, missingAfterHeartbeats: 5 }, watched: () => false,
  });
  try {
    const name = 'diagnosis pass';
    const costs = await measureRuns([{
      name,
      run: async () => {
        const started = performance.now();
        await pass.run();
        return { ms: performance.now() - started, statuses: [] };
      },
    }], watch, options);
    const kinds = new Map<string, number>();
    for (const finding of pass.latest()?.findings ?? []) kinds.set(finding.kind, (kinds.get(finding.kind) ?? 0) + 1);
    return { cost: costs.get(name)!, found: [...kinds].map(([kind, n]) => `${kind} ${n}`).join(', ') || 'nothing' };
  } finally {
    pass.close();
    await boss.stop({ graceful: false });
  }
}
