import { css } from 'lit';

/**
 * The design tokens every element reads. Each public `--ops-jobs-*` property falls back to a
 * default that follows the used `color-scheme` through `light-dark()`, so a page can restyle any
 * of them on the console (they inherit through shadow roots) and dark mode still works.
 */
export const tokens = css`
  :host {
    --_font: var(
      --ops-jobs-font-family,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', 'Helvetica Neue', Arial, sans-serif
    );
    --_mono: var(
      --ops-jobs-font-mono,
      ui-monospace, 'SF Mono', SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace
    );
    --_bg: var(--ops-jobs-color-background, light-dark(#f4f5f7, #0d1015));
    --_surface: var(--ops-jobs-color-surface, light-dark(#ffffff, #161a21));
    --_surface-muted: var(--ops-jobs-color-surface-muted, light-dark(#f6f7f9, #1c212a));
    --_border: var(--ops-jobs-color-border, light-dark(#e0e3e8, #2b313b));
    --_border-strong: var(--ops-jobs-color-border-strong, light-dark(#c9ced6, #3b424e));
    --_text: var(--ops-jobs-color-text, light-dark(#1a1e24, #e7eaee));
    --_muted: var(--ops-jobs-color-text-muted, light-dark(#5a6370, #9aa3ae));
    --_accent: var(--ops-jobs-color-accent, light-dark(#2456d3, #7aa7ff));
    --_accent-soft: var(--ops-jobs-color-accent-soft, light-dark(#e8eefc, #1b2640));
    --_danger: var(--ops-jobs-color-danger, light-dark(#b42318, #ff8f85));
    --_danger-soft: var(--ops-jobs-color-danger-soft, light-dark(#fdeceb, #3a1a1b));
    --_danger-border: var(--ops-jobs-color-danger-border, light-dark(#f3c2bd, #6b2a2a));
    --_focus: var(--ops-jobs-color-focus, light-dark(#2456d3, #7aa7ff));
    --_on-accent: var(--ops-jobs-color-on-accent, light-dark(#ffffff, #0d1015));
    --_warning: var(--ops-jobs-color-warning, light-dark(#8a4b00, #f5bf6e));
    --_warning-soft: var(--ops-jobs-color-warning-soft, light-dark(#fff6e5, #2e2311));
    --_warning-border: var(--ops-jobs-color-warning-border, light-dark(#f1cf8c, #5e4519));
    --_success: var(--ops-jobs-color-success, light-dark(#16693a, #7fdca0));
    --_success-soft: var(--ops-jobs-color-success-soft, light-dark(#e3f5ea, #13301f));
    --_radius: var(--ops-jobs-radius, 10px);
    --_radius-small: var(--ops-jobs-radius-small, 6px);
    --_shadow: var(--ops-jobs-shadow, light-dark(0 1px 2px rgb(16 24 40 / 6%), 0 1px 2px rgb(0 0 0 / 40%)));
    font-family: var(--_font);
    color: var(--_text);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
`;

/**
 * `color-scheme` for elements that can stand alone: light and dark by the operating system unless
 * the `theme` attribute says `light` or `dark`. Small elements leave it out and inherit theirs.
 */
export const themeScheme = css`
  :host {
    color-scheme: light dark;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
`;
