/**
 * One colour of the console: its name (the public custom property that overrides it is
 * `--ops-jobs-color-<name>`), the short private property the styles read (`--_<short>`), and its
 * light and dark values.
 */
export type ColorToken = readonly [name: string, short: string, light: string, dark: string];

/**
 * The console's colours. The elements' styles and the pages the server writes itself (signed
 * out, not allowed) are both made from this one list, so they look like one product in light and
 * dark. Every light text colour reads at least 4.5:1 on the surfaces it is used on.
 */
export const COLOR_TOKENS: readonly ColorToken[] = Object.freeze([
  ['background', 'bg', '#f4f5f7', '#0d1015'],
  ['surface', 'surface', '#ffffff', '#161a21'],
  ['surface-muted', 'surface-muted', '#f6f7f9', '#1c212a'],
  ['border', 'border', '#e0e3e8', '#2b313b'],
  ['border-strong', 'border-strong', '#c9ced6', '#3b424e'],
  ['text', 'text', '#1a1e24', '#e7eaee'],
  ['text-muted', 'muted', '#5a6370', '#9aa3ae'],
  ['accent', 'accent', '#2456d3', '#7aa7ff'],
  ['accent-soft', 'accent-soft', '#e8eefc', '#1b2640'],
  ['danger', 'danger', '#b42318', '#ff8f85'],
  ['danger-soft', 'danger-soft', '#fdeceb', '#3a1a1b'],
  ['danger-border', 'danger-border', '#f3c2bd', '#6b2a2a'],
  ['focus', 'focus', '#2456d3', '#7aa7ff'],
  ['on-accent', 'on-accent', '#ffffff', '#0d1015'],
  ['warning', 'warning', '#8a4b00', '#f5bf6e'],
  ['warning-soft', 'warning-soft', '#fff6e5', '#2e2311'],
  ['warning-border', 'warning-border', '#f1cf8c', '#5e4519'],
  ['success', 'success', '#16693a', '#7fdca0'],
  ['success-soft', 'success-soft', '#e3f5ea', '#13301f'],
  ['brand', 'brand', '#2456d3', '#3b6fe6'],
]);

/** The console's text font: the system's own, no web font to fetch. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

/** The console's code font. */
export const FONT_MONO = "ui-monospace, 'SF Mono', SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

/** The declarations of every colour as `--_<short>`, overridable through `--ops-jobs-color-<name>`. */
export function colorDeclarations(): string {
  return COLOR_TOKENS.map(([name, short, light, dark]) => `--_${short}:var(--ops-jobs-color-${name},light-dark(${light},${dark}));`).join('');
}
