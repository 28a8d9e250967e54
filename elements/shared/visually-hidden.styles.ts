import { css } from 'lit';

/**
 * The declarations that take a node out of sight while assistive technology still reads it. The
 * one copy: `.visually-hidden` (in the controls) is made of it, and so is every rule that hides
 * something only at some widths (a table head on a phone, a label where space is short).
 */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
