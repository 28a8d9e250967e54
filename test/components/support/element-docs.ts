// Holds an element to its doc comment: every `@csspart` it documents is rendered in its shadow
// root in some state the fixture file drives it into, every part rendered is documented, and the
// `--ops-jobs-*` properties its styles read are exactly the `@cssprop`s it documents.
/// <reference types="mocha" />
import { expect } from '@open-wc/testing';

interface ElementDocs {
  readonly parts: readonly string[];
  readonly cssprops: readonly string[];
}

async function docsOf(source: string): Promise<ElementDocs> {
  const response = await fetch(`/__element-docs?file=${encodeURIComponent(source)}`);
  if (!response.ok) throw new Error(`no doc comment found for ${source}`);
  return (await response.json()) as ElementDocs;
}

/** The part names in an element's own shadow root (not those of elements inside it). */
export function partsIn(element: Element): Set<string> {
  const names = new Set<string>();
  for (const node of element.shadowRoot?.querySelectorAll('[part]') ?? []) for (const name of node.part) names.add(name);
  return names;
}

/** The public custom properties (`--ops-jobs-*`) the element's own styles read. */
function propertiesRead(element: Element): Set<string> {
  const names = new Set<string>();
  const sheets = element.shadowRoot?.adoptedStyleSheets ?? [];
  const text = (rules: CSSRuleList): string => [...rules].map((rule) => rule.cssText).join('\n');
  for (const sheet of sheets) for (const [, name] of text(sheet.cssRules).matchAll(/var\(\s*(--ops-jobs-[a-z0-9-]+)/g)) names.add(name!);
  return names;
}

/** A documented name as a pattern: `--ops-jobs-state-<state>` stands for every state's property. */
function documentedPattern(name: string): RegExp {
  const escaped = name.replace(/<[a-z-]+>/g, '\u0000').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\u0000/g, '[a-z0-9-]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * Collects the parts an element renders across a fixture file's tests; `check` then compares them,
 * and the properties its styles read, with the element's doc comment.
 */
export class DocumentedParts {
  readonly #source: string;
  readonly #tag: string;
  readonly #seen = new Set<string>();
  #element: Element | undefined;

  /** @param source - the element's source file, such as `elements/queue-list/queue-list.ts`. */
  constructor(source: string) {
    this.#source = source;
    this.#tag = `ops-jobs-${source.split('/').at(-1)!.replace(/\.ts$/, '')}`;
  }

  /** Notes the parts the element shows now; elements of other tags are passed over. */
  see(element: Element): void {
    if (element.localName !== this.#tag) return;
    this.#element = element;
    for (const name of partsIn(element)) this.#seen.add(name);
  }

  /** Asserts the rendered parts and read properties against the doc comment. */
  async check(): Promise<void> {
    const docs = await docsOf(this.#source);
    expect(this.#element, 'no element was seen').to.not.equal(undefined);
    expect([...this.#seen].sort(), 'parts rendered (left) against parts documented (right)').to.deep.equal([...new Set(docs.parts)].sort());
    const read = [...propertiesRead(this.#element!)].sort();
    const patterns = docs.cssprops.map((name) => [name, documentedPattern(name)] as const);
    const undocumented = read.filter((name) => !patterns.some(([, pattern]) => pattern.test(name)));
    expect(undocumented, 'custom properties read but not documented').to.deep.equal([]);
    const unused = patterns.filter(([, pattern]) => !read.some((name) => pattern.test(name))).map(([name]) => name);
    expect(unused, 'custom properties documented but never read').to.deep.equal([]);
  }
}
