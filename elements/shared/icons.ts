import { svg, type SVGTemplateResult } from 'lit';

// Line icons on a 24-unit grid, drawn with the current text colour. Decorative: hidden from
// assistive technology, so whatever carries one must have its own accessible name.

function icon(body: SVGTemplateResult, along = false): SVGTemplateResult {
  return svg`<svg class=${along ? 'icon along' : 'icon'} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
    stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

export const copyIcon = icon(svg`<rect x="9" y="9" width="12" height="12" rx="2"/><path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/>`);
export const checkIcon = icon(svg`<path d="M20 6 9 17l-5-5"/>`);
export const refreshIcon = icon(svg`<path d="M21 12a9 9 0 1 1-2.64-6.36"/><path d="M21 4v5h-5"/>`);
/** Run again: a turning arrow around a play mark, so that it never reads as Refresh beside it. */
export const retryIcon = icon(svg`<path d="M3 12a9 9 0 1 0 2.64-6.36"/><path d="M3 4v5h5"/><path d="M10 9.5v5l4-2.5z"/>`);
export const lockIcon = icon(svg`<rect x="4" y="11" width="16" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`);
export const alertIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 8v4.5M12 16h.01"/>`);
export const chevronIcon = icon(svg`<path d="m9 6 6 6-6 6"/>`, true);
export const inboxIcon = icon(svg`<path d="M3 13h5l1.5 3h5L16 13h5"/><path d="M5.5 5h13L21 13v6H3v-6z"/>`);
export const signOutIcon = icon(svg`<path d="M15 4h4v16h-4"/><path d="M10 17l-5-5 5-5M5 12h11"/>`);
export const deadLetterIcon = icon(svg`<path d="M4 6h16v12H4z"/><path d="m4 7 8 6 8-6"/>`);
export const layersIcon = icon(svg`<path d="m12 3 9 5-9 5-9-5z"/><path d="m3 13 9 5 9-5"/>`);
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18"/>`);
export const warningIcon = icon(svg`<path d="M12 3.5 2.5 20h19z"/><path d="M12 10v4.5M12 17.5h.01"/>`);
export const infoIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v5M12 8h.01"/>`);
export const checkCircleIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="m8 12.5 2.7 2.7L16.5 9.5"/>`);
export const arrowUpIcon = icon(svg`<path d="M12 19V5M6 11l6-6 6 6"/>`);
export const arrowRightIcon = icon(svg`<path d="M5 12h14M13 6l6 6-6 6"/>`, true);
export const trashIcon = icon(svg`<path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"/>`);
export const stopIcon = icon(svg`<circle cx="12" cy="12" r="9"/><rect x="9" y="9" width="6" height="6" rx="1"/>`);
export const playIcon = icon(svg`<path d="M7 5v14l11-7z"/>`);
export const promoteIcon = icon(svg`<path d="M4 6v12l7-6z"/><path d="M12 6v12l7-6z"/>`);
export const slidersIcon = icon(svg`<path d="M4 7h9M17 7h3M4 17h3M11 17h9"/><circle cx="15" cy="7" r="2"/><circle cx="9" cy="17" r="2"/>`);
export const pauseIcon = icon(svg`<path d="M9 5v14M15 5v14"/>`);
export const redriveIcon = icon(svg`<path d="M9 14 4 9l5-5"/><path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11"/>`);
export const downloadIcon = icon(svg`<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>`);
export const clockIcon = icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 2"/>`);
export const auditIcon = icon(svg`<rect x="5" y="4" width="14" height="17" rx="2"/><path d="M9 4V3h6v1M9 10h6M9 14h6M9 18h3"/>`);
export const searchIcon = icon(svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>`);
