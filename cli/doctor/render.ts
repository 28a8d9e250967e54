import type { Finding } from './finding.ts';
import { rowLabel, type PermissionsTable } from './permissions-table.ts';

/** Everything one doctor run found, as printed and as `--json`. */
export interface DoctorReport {
  /** The config module's path; null when none was found. */
  readonly config: string | null;
  readonly production: boolean;
  readonly url: string | null;
  readonly findings: readonly Finding[];
  readonly permissions: PermissionsTable | null;
  readonly summary: { readonly errors: number; readonly warnings: number; readonly ok: number };
  readonly exitCode: 0 | 1 | 2;
}

const LABEL = { ok: 'ok', warning: 'WARN', error: 'ERROR' } as const;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function renderFinding(finding: Finding, idWidth: number): string[] {
  const indent = ' '.repeat(2 + 6 + 1 + idWidth + 2);
  const lines = [`  ${LABEL[finding.severity].padEnd(6)} ${finding.id.padEnd(idWidth)}  ${finding.title}`];
  if (finding.detail) lines.push(`${indent}${finding.detail}`);
  if (finding.fix) lines.push(`${indent}Fix: ${finding.fix}`);
  return lines;
}

/** Rows are actions (job actions once per phase), columns roles; `yes`, `no`, or `ERROR` where authorize failed. */
export function renderPermissions(table: PermissionsTable): string[] {
  const labels = table.rows.map(rowLabel);
  const first = Math.max('action'.length, ...labels.map((label) => label.length));
  const widths = table.roles.map((role) => Math.max(role.length, 5));
  const line = (cells: readonly string[]) => `  ${cells[0]!.padEnd(first)}  ${cells.slice(1).map((cell, index) => cell.padEnd(widths[index]!)).join('  ')}`.trimEnd();
  return [
    line(['action', ...table.roles]),
    ...table.rows.map((row, index) => line([labels[index]!, ...table.roles.map((role) => {
      const cell = row.decisions[role];
      return cell?.error !== undefined ? 'ERROR' : cell?.allow ? 'yes' : 'no';
    })])),
  ];
}

/** The report for a person reading a terminal. */
export function renderHuman(report: DoctorReport): string {
  const idWidth = Math.max(...report.findings.map((finding) => finding.id.length), 8);
  const lines = [
    `ops-jobs doctor${report.production ? ' (NODE_ENV=production)' : ''}: ${report.config ?? 'no config module'}${report.url ? `, ${report.url}` : ''}`,
    '',
    ...report.findings.flatMap((finding) => renderFinding(finding, idWidth)),
  ];
  if (report.permissions && report.permissions.roles.length > 0) {
    lines.push('', "Who may do what: authorize() for each role's sample operator, on the console as a whole.", ...renderPermissions(report.permissions));
  }
  if (report.url === null) lines.push('', 'Not checked: the console through your proxy. Pass --url and --header to check it.');
  const { errors, warnings, ok } = report.summary;
  lines.push('', `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${ok} passed.`, '');
  return lines.join('\n');
}

/** The report as one JSON document. */
export function renderJson(report: DoctorReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
