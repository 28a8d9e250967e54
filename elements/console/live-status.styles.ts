import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.ts';

/** Styles of the live indicator in the console's top bar, and of its explanation below it. */
export const liveStatusStyles = css`
  .live {
    display: inline-flex;
  }
  .live-button {
    min-height: 1.75rem;
    gap: 0.4rem;
    padding-block: 0.15rem;
    padding-inline: 0.5rem 0.6rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    box-shadow: none;
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_muted);
    background: var(--_surface);
  }
  .live .compact {
    display: none;
  }
  @media (max-width: 520px) {
    .live .compact {
      display: inline;
    }
    .live .full {
      ${visuallyHidden}
    }
  }
  .dot {
    width: 0.5rem;
    height: 0.5rem;
    border-radius: 50%;
    background: currentColor;
    flex: none;
  }
  .live.good .live-button {
    color: var(--_success);
    border-color: color-mix(in srgb, var(--_success) 35%, transparent);
    background: var(--_success-soft);
  }
  .live.degraded .live-button {
    color: var(--_warning);
    border-color: var(--_warning-border);
    background: var(--_warning-soft);
  }
  .live.bad .live-button {
    color: var(--_danger);
    border-color: var(--_danger-border);
    background: var(--_danger-soft);
  }
  .live.waiting .dot,
  .live.degraded .dot {
    animation: ops-jobs-blink 1.6s ease-in-out infinite;
  }
  @keyframes ops-jobs-blink {
    50% {
      opacity: 0.25;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .live .dot {
      animation: none;
    }
  }
  /* A popover, placed under the indicator where anchor positioning is supported, else at the
     top right under the header. */
  .live-explained {
    position-area: bottom span-left;
    inset: auto;
    margin: 0.5rem 0 0;
    width: max-content;
    max-width: min(20rem, calc(100vw - 2rem));
    padding: 0.6rem 0.75rem;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    background: var(--_surface);
    box-shadow: 0 8px 24px -8px rgb(16 24 40 / 25%);
    color: var(--_text);
    font-size: 0.8125rem;
    font-weight: 400;
    line-height: 1.45;
    white-space: normal;
  }
  @supports not (position-area: bottom) {
    .live-explained {
      top: calc(var(--ops-jobs-header-top, 0px) + 3.5rem);
      inset-inline-end: 1rem;
    }
  }
`;
