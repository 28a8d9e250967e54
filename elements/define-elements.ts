/**
 * Defines each element under its tag, skipping tags already defined (by another copy of the
 * bundle, or earlier), so importing the elements twice never throws.
 */
export function defineElements(elements: Readonly<Record<string, CustomElementConstructor>>): void {
  for (const [tag, element] of Object.entries(elements)) {
    if (!customElements.get(tag)) customElements.define(tag, element);
  }
}
