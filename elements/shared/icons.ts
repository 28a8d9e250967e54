import { svg, type SVGTemplateResult } from 'lit';

// Line icons on a 24-unit grid, drawn with the current text colour. Decorative: hidden from
// assistive technology, so whatever carries one must have its own accessible name.

function icon(body: SVGTemplateResult): SVGTemplateResult {
  return svg`<svg class="icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

export const copyIcon = icon(svg`<rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/>`);
export const checkIcon = icon(svg`<path d="M20 6 9 17l-5-5"/>`);
export const refreshIcon = icon(svg`<path d="M21 12a9 9 0 1 1-2.64-6.36"/><path d="M21 4v5h-5"/>`);
export const lockIcon = icon(svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 8v4.5M12 16h.01"/>`);
export const chevronIcon = icon(svg`<path d="m9 6 6 6-6 6"/>`);
export const backIcon = icon(svg`<path d="m15 18-6-6 6-6"/>`);
export const inboxIcon = icon(svg`<path d="M3 13h5l1.5 3h5L16 13h5"/><path d="M5.5 5h13L21 13v6H3v-6z"/>`);
export const signOutIcon = icon(svg`<path d="M15 4h4v16h-4"/><path d="M10 17l-5-5 5-5M5 12h11"/>`);
export const deadLetterIcon = icon(svg`<path d="M4 6h16v12H4z"/><path d="m4 7 8 6 8-6"/>`);
export const layersIcon = icon(svg`<path d="m12 3 9 5-9 5-9-5z"/><path d="m3 13 9 5 9-5"/>`);
