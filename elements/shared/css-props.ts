import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline CSS properties through the CSSOM, as an element binding: `<span ${cssProps({...})}>`.
 * Lit's `styleMap` writes a `style` attribute on first render, which a strict Content-Security-Policy
 * (`style-src 'self'`) blocks; `element.style.setProperty` is allowed.
 */
class CssPropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssProps must be used as an element binding');
  }

  render(_props: Readonly<Record<string, string>>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): unknown {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

/** Sets CSS properties on the bound element through the CSSOM (see {@link CssPropsDirective}). */
export const cssProps = directive(CssPropsDirective);
