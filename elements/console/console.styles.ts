import { css } from 'lit';
import { visuallyHidden } from '../shared/visually-hidden.styles.ts';

/** Styles of `<ops-jobs-console>`: the top bar and the main area. */
export const consoleStyles = css`
  :host {
    display: block;
    min-height: var(--ops-jobs-min-height, 100vh);
    background: var(--_bg);
    font-size: 0.875rem;
    line-height: 1.45;
    -webkit-font-smoothing: antialiased;
  }
  /* The bar stays in sight so the live indicator does; views stick their own bars below it. */
  .bar {
    position: sticky;
    top: var(--ops-jobs-header-top, 0);
    z-index: 10;
    display: flex;
    align-items: center;
    gap: 0.75rem;
    height: 3.5rem;
    background: var(--_surface);
    border-bottom: 1px solid var(--_border);
  }
  .bar > .inner {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    width: 100%;
    max-width: var(--ops-jobs-max-width, 82rem);
    margin: 0 auto;
    padding: 0.5rem max(1rem, 2vw);
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: 0.6rem;
    color: var(--_text);
    font-weight: 650;
    font-size: 0.9375rem;
    text-decoration: none;
  }
  .brand:hover {
    text-decoration: none;
  }
  .logo {
    display: grid;
    place-items: center;
    width: 1.85rem;
    height: 1.85rem;
    border-radius: 7px;
    color: #fff;
    background: var(--_brand);
    font-size: 1.05rem;
  }
  .engine {
    font-size: 0.75rem;
    font-weight: 500;
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    color: var(--_muted);
    border: 1px solid var(--_border);
  }
  .nav {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    margin-inline-start: 0.75rem;
  }
  .nav a {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.65rem;
    border-radius: var(--_radius-small);
    color: var(--_muted);
    font-weight: 500;
    white-space: nowrap;
  }
  .nav a:hover {
    color: var(--_text);
    background: var(--_surface-muted);
    text-decoration: none;
  }
  .nav a[aria-current='page'] {
    color: var(--_text);
    background: var(--_surface-muted);
    font-weight: 600;
  }
  .spacer {
    flex: 1;
  }
  .go-to {
    flex: none;
    min-height: 2rem;
    padding: 0.25rem 0.5rem;
    color: var(--_muted);
    box-shadow: none;
  }
  .go-to kbd {
    font-family: var(--_mono);
    font-size: 0.6875rem;
    padding: 0 0.3rem;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .actor {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
    color: var(--_muted);
  }
  .actor .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 14rem;
    color: var(--_text);
    font-weight: 500;
  }
  .sign-out {
    flex: none;
    padding: 0.3rem 0.5rem;
    border-radius: var(--_radius-small);
    color: var(--_muted);
    font-weight: 500;
    white-space: nowrap;
  }
  .sign-out:hover {
    color: var(--_text);
    background: var(--_surface-muted);
  }
  @media (min-width: 521px) {
    .actor .prefix {
      ${visuallyHidden}
    }
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    color: var(--_accent);
    background: var(--_accent-soft);
    flex: none;
  }
  main {
    --_sticky-top: calc(var(--ops-jobs-header-top, 0px) + 3.5rem);
    max-width: var(--ops-jobs-max-width, 82rem);
    margin: 0 auto;
    padding: 1.5rem max(1rem, 2vw) 3rem;
    scroll-margin-top: var(--ops-jobs-header-top, 0px);
  }
  main:focus {
    outline: none;
  }
  /* Out of sight until it has focus: the first Tab on the page shows it over the top bar. */
  .skip:not(:focus) {
    ${visuallyHidden}
  }
  .skip:focus {
    position: absolute;
    z-index: 20;
    top: calc(var(--ops-jobs-header-top, 0px) + 0.5rem);
    inset-inline-start: 0.5rem;
    display: inline-flex;
    align-items: center;
    min-height: 2.5rem;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius-small);
    color: var(--_on-accent);
    background: var(--_accent);
    font-weight: 600;
    box-shadow: var(--_shadow);
  }
  main > ops-jobs-problem {
    --ops-jobs-problem-margin: 12vh auto;
  }
  .loading {
    display: grid;
    gap: 1rem;
  }
  .loading .skeleton:first-child {
    height: 2.2rem;
    width: 12rem;
  }
  .loading .skeleton {
    height: 6rem;
  }
  @media (max-width: 520px) {
    .engine {
      display: none;
    }
    /* More sections than fit: the links scroll sideways rather than push the bar past the screen. */
    .nav {
      margin-inline-start: 0.25rem;
      gap: 0;
      flex: 1 1 auto;
      min-width: 0;
      overflow-x: auto;
      scrollbar-width: none;
    }
    .nav a {
      padding: 0.4rem 0.4rem;
    }
    /* A faded edge with a chevron on each side that has more links, pinned to that edge while the
       links scroll; it lets taps through and is not read out (the links themselves are). */
    .nav::before,
    .nav::after {
      position: sticky;
      z-index: 1;
      flex: none;
      align-self: stretch;
      display: flex;
      align-items: center;
      width: 2rem;
      color: var(--_muted);
      font-size: 1.25rem;
      font-weight: 600;
      line-height: 1;
      pointer-events: none;
      opacity: 0;
      transition: opacity 0.15s;
    }
    .nav::before {
      content: '‹' / '';
      inset-inline-start: 0;
      margin-inline-end: -2rem;
      justify-content: flex-start;
      background: linear-gradient(to right, var(--_surface) 45%, transparent);
    }
    .nav::after {
      content: '›' / '';
      inset-inline-end: 0;
      margin-inline-start: -2rem;
      justify-content: flex-end;
      background: linear-gradient(to left, var(--_surface) 45%, transparent);
    }
    .nav:dir(rtl)::before {
      content: '›' / '';
      background: linear-gradient(to left, var(--_surface) 45%, transparent);
    }
    .nav:dir(rtl)::after {
      content: '‹' / '';
      background: linear-gradient(to right, var(--_surface) 45%, transparent);
    }
    .nav[data-more-start]::before,
    .nav[data-more-end]::after {
      opacity: 1;
    }
    /* Room for the live indicator: the brand's name stays for assistive technology. */
    .brand:has(~ .nav) > span:last-child {
      ${visuallyHidden}
    }
    /* Two lines: the links, then the operator's name (always in sight) beside the indicator. */
    .bar {
      height: auto;
    }
    .bar > .inner {
      flex-wrap: wrap;
      gap: 0.3rem 0.5rem;
      padding-top: 0.4rem;
      padding-bottom: 0.4rem;
    }
    .nav {
      flex-basis: calc(100% - 3rem);
    }
    .spacer {
      display: none;
    }
    .live {
      order: 2;
    }
    .actor {
      order: 1;
      flex: 1 1 12rem;
      gap: 0.4rem;
      font-size: 0.8125rem;
    }
    .actor .prefix {
      color: var(--_muted);
      font-weight: 400;
    }
    .actor .label {
      max-width: none;
    }
    .go-to {
      order: 2;
      min-height: 1.75rem;
      padding: 0.15rem 0.4rem;
    }
    .go-to .go-label,
    .go-to kbd {
      ${visuallyHidden}
    }
    .sign-out {
      order: 1;
      padding: 0.15rem 0.4rem;
      font-size: 0.8125rem;
    }
    .avatar {
      width: 1.25rem;
      height: 1.25rem;
      font-size: 0.625rem;
    }
    main {
      --_sticky-top: calc(var(--ops-jobs-header-top, 0px) + 5rem);
      padding-top: 1.1rem;
    }
  }
`;
