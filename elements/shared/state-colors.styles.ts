import { css } from 'lit';

/**
 * Per-state colours as classes `.state-<name>` setting `--_state-fg` (text, at least 4.5:1 on
 * `--_state-bg` in both schemes), `--_state-bg` (a tint) and `--_state-solid` (bars and dots).
 * Each solid colour can be replaced with `--ops-jobs-state-<name>`.
 */
export const stateColors = css`
  .state-queued {
    --_state-fg: light-dark(#3b4656, #c5cdd8);
    --_state-bg: light-dark(#e9edf2, #252c37);
    --_state-solid: var(--ops-jobs-state-queued, light-dark(#8a97a8, #7d8a9c));
  }
  .state-scheduled {
    --_state-fg: light-dark(#5b2fb5, #cdb3ff);
    --_state-bg: light-dark(#f0e9ff, #2b2045);
    --_state-solid: var(--ops-jobs-state-scheduled, light-dark(#8b5cf6, #a685f7));
  }
  .state-blocked {
    --_state-fg: light-dark(#0b5e6d, #86d6e4);
    --_state-bg: light-dark(#dcf3f6, #12333a);
    --_state-solid: var(--ops-jobs-state-blocked, light-dark(#14a3b8, #3cbfd3));
  }
  .state-active {
    --_state-fg: light-dark(#1c48b8, #a6c3ff);
    --_state-bg: light-dark(#e3ebff, #1a2746);
    --_state-solid: var(--ops-jobs-state-active, light-dark(#3b74f0, #6e9cff));
  }
  .state-retrying {
    --_state-fg: light-dark(#8a4300, #f7c27d);
    --_state-bg: light-dark(#fff0d9, #3a2a12);
    --_state-solid: var(--ops-jobs-state-retrying, light-dark(#f29a1f, #f0a53a));
  }
  .state-completed {
    --_state-fg: light-dark(#16693a, #8ee0aa);
    --_state-bg: light-dark(#ddf4e5, #143222);
    --_state-solid: var(--ops-jobs-state-completed, light-dark(#28a55f, #3fbf74));
  }
  .state-failed {
    --_state-fg: light-dark(#b0201a, #ffa49c);
    --_state-bg: light-dark(#fde7e5, #441a1b);
    --_state-solid: var(--ops-jobs-state-failed, light-dark(#e0413a, #f26b63));
  }
  .state-cancelled {
    --_state-fg: light-dark(#545c66, #b3bac3);
    --_state-bg: light-dark(#eceef1, #2a2f37);
    --_state-solid: var(--ops-jobs-state-cancelled, light-dark(#a3aab3, #6f7782));
  }
`;
