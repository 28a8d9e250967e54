import type { LitElement } from 'lit';

/**
 * Once `host` has rendered, gives focus to the element of its shadow root that `selector` names,
 * when the button that held focus went away with what it revealed (focus fell back to the page).
 * Focus held anywhere else is never taken.
 */
export async function refocusOrphaned(host: LitElement, selector: string): Promise<void> {
  await host.updateComplete;
  if (document.activeElement === document.body || document.activeElement === null) {
    host.renderRoot.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }
}
