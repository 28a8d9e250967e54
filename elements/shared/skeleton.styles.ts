import { css } from 'lit';

/**
 * Placeholders shown while a view loads, shaped like what they stand for: `.skeleton.row-s` a
 * table row, `.skeleton.block` a card (`--_skeleton-block` sets its height).
 */
export const skeletons = css`
  @keyframes ops-jobs-pulse {
    50% {
      opacity: 0.45;
    }
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
    animation: ops-jobs-pulse 1.4s ease-in-out infinite;
  }
  .skeleton.row-s {
    height: 1.1rem;
    margin: 0.95rem 1rem;
  }
  .skeleton.block {
    height: var(--_skeleton-block, 9rem);
    border-radius: var(--_radius);
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton {
      animation: none;
    }
  }
`;
