import { css, unsafeCSS } from 'lit';
import { colorDeclarations, FONT_FAMILY, FONT_MONO } from '../../core/vocabulary/design-tokens.ts';

/**
 * The design tokens every element reads. Each public `--ops-jobs-*` property falls back to a
 * default that follows the used `color-scheme` through `light-dark()`, so a page can restyle any
 * of them on the console (they inherit through shadow roots) and dark mode still works. The
 * colours and fonts come from core/vocabulary/design-tokens.ts, which the server's own pages use.
 */
export const tokens = css`
  :host {
    --_font: var(--ops-jobs-font-family, ${unsafeCSS(FONT_FAMILY)});
    --_mono: var(--ops-jobs-font-mono, ${unsafeCSS(FONT_MONO)});
    ${unsafeCSS(colorDeclarations())}
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
