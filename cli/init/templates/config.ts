import { typesOnly, type Flavour } from '../flavour.ts';

/** `ops-jobs.config`: what `ops-jobs doctor` loads, over the host's database without starting pg-boss. */
export function configModule(flavour: Flavour): string {
  const ts = typesOnly(flavour);
  const ext = flavour.extension;
  return `// What \`npx ops-jobs doctor\` checks: the console's options as your application builds them, and
// one sample operator per role, for the table of who may do what. Written by \`npx ops-jobs init\`;
// keep it in step with how your application starts. Reference: docs/guides/production-hardening.md.
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { defineConfig } from 'ops-jobs/cli';
import { opsJobsOptions } from './ops-jobs/options${ext}';

export default defineConfig(async () => {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('Set DATABASE_URL to the database your pg-boss and the console use.');
  const pool = new pg.Pool({ connectionString, max: 2 });
  // Not started: the doctor only reads, so it neither installs nor migrates pg-boss.
  const boss = new PgBoss({ db: { executeSql: (text${ts(': string')}, values${ts('?: unknown[]')}) => pool.query(text, values) } });
  return {
    options: opsJobsOptions({ boss, pool }),
    // One operator per role, as your session holds them (what ops-jobs/auth${ext} reads).
    roles: {
      viewer: { id: 'doctor-viewer', role: 'viewer' },
      operator: { id: 'doctor-operator', role: 'operator' },
      admin: { id: 'doctor-admin', role: 'admin' },
    },
    // Roles that must not change anything: the doctor reports it if one of them may.
    readOnly: ['viewer'],
    close: () => pool.end(),
  };
});
`;
}
