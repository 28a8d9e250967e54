/** One colour of the console: a light and a dark value, and the names it goes by. */
export interface ColorToken {
  /** The public custom property that overrides it is `--ops-jobs-color-<name>`. */
  readonly name: string;
  /** The short private property the styles read, `--_<short>`. */
  readonly short: string;
  readonly light: string;
  readonly dark: string;
}

/**
 * The console's colours. The elements' styles and the pages the server writes itself (signed
 * out, not allowed) are both made from this one list, so they look like one product in light and
 * dark. Every light text colour reads at least 4.5:1 on the surfaces it is used on.
 */
export const COLOR_TOKENS: readonly ColorToken[] = Object.freeze([
  { name: 'background', short: 'bg', light: '#f4f5f7', dark: '#0d1015' },
  { name: 'surface', short: 'surface', light: '#ffffff', dark: '#161a21' },
  { name: 'surface-muted', short: 'surface-muted', light: '#f6f7f9', dark: '#1c212a' },
  { name: 'border', short: 'border', light: '#e0e3e8', dark: '#2b313b' },
  { name: 'border-strong', short: 'border-strong', light: '#c9ced6', dark: '#3b424e' },
  { name: 'text', short: 'text', light: '#1a1e24', dark: '#e7eaee' },
  { name: 'text-muted', short: 'muted', light: '#5a6370', dark: '#9aa3ae' },
  { name: 'accent', short: 'accent', light: '#2456d3', dark: '#7aa7ff' },
  { name: 'accent-soft', short: 'accent-soft', light: '#e8eefc', dark: '#1b2640' },
  { name: 'danger', short: 'danger', light: '#b42318', dark: '#ff8f85' },
  { name: 'danger-soft', short: 'danger-soft', light: '#fdeceb', dark: '#3a1a1b' },
  { name: 'danger-border', short: 'danger-border', light: '#f3c2bd', dark: '#6b2a2a' },
  { name: 'focus', short: 'focus', light: '#2456d3', dark: '#7aa7ff' },
  { name: 'on-accent', short: 'on-accent', light: '#ffffff', dark: '#0d1015' },
  { name: 'warning', short: 'warning', light: '#8a4b00', dark: '#f5bf6e' },
  { name: 'warning-soft', short: 'warning-soft', light: '#fff6e5', dark: '#2e2311' },
  { name: 'warning-border', short: 'warning-border', light: '#f1cf8c', dark: '#5e4519' },
  { name: 'success', short: 'success', light: '#16693a', dark: '#7fdca0' },
  { name: 'success-soft', short: 'success-soft', light: '#e3f5ea', dark: '#13301f' },
  { name: 'brand', short: 'brand', light: '#2456d3', dark: '#3b6fe6' },
]);

/** The console's text font: the system's own, no web font to fetch. */
export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif";

/** The console's code font. */
export const FONT_MONO = "ui-monospace, 'SF Mono', SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";

/** The declarations of every colour as `--_<short>`, overridable through `--ops-jobs-color-<name>`. */
export function colorDeclarations(): string {
  return COLOR_TOKENS.map((token) => `--_${token.short}:var(--ops-jobs-color-${token.name},light-dark(${token.light},${token.dark}));`).join('');
}
