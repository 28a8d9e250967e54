import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.ts';

/** Styles of the live indicator in the console's top bar. */
export const liveStatusStyles = css`
  .live {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.15rem 0.6rem 0.15rem 0.5rem;
    border-radius: 999px;
    border: 1px solid var(--_border);
    font-size: 0.75rem;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_muted);
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
  .live.good {
    color: var(--_success);
    border-color: color-mix(in srgb, var(--_success) 35%, transparent);
    background: var(--_success-soft);
  }
  .live.degraded {
    color: var(--_warning);
    border-color: var(--_warning-border);
    background: var(--_warning-soft);
  }
  .live.bad {
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
`;
