import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * A translation of the console's English text: each English string (its key, placeholders such as
 * `{count}` kept as written) to its text in the locale; a string with plural forms maps its English
 * `other` form to one text per `Intl.PluralRules` category.
 */
export type Catalog = Readonly<Record<string, string | Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>>>;

// English is the source: its strings sit in the code where they are used and cost nothing more.
// Every other locale is a chunk of its own, loaded the first time it is chosen.
const CATALOGS: Readonly<Record<string, () => Promise<{ readonly catalog: Catalog }>>> = {
  de: () => import('../locales/de.ts'),
};

let tag: string | undefined;
let language = 'en';
let catalog: Catalog | undefined;
let plurals: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
let chosen: Promise<void> = Promise.resolve();
const hosts = new Set<ReactiveControllerHost>();

/** The locale `Intl` formats in: the one chosen, or the browser's while none is. */
export function intlLocale(): string | undefined {
  return tag;
}

/** The language the console's text is in now (`en` or a catalog's), for `lang` attributes. */
export function textLanguage(): string {
  return language;
}

/**
 * Chooses the locale (a BCP 47 tag such as `de` or `de-AT`) for the console's text and formats;
 * undefined goes back to English text with the browser's formats. Resolves once the catalog has
 * loaded and every element on the page has rendered in it. A locale without a catalog of its own
 * keeps English text and still formats numbers and dates its way.
 */
export function setLocale(locale: string | undefined): Promise<void> {
  const wanted = locale?.trim() || undefined;
  const base = wanted ? new Intl.Locale(wanted).language : 'en';
  const load = CATALOGS[base];
  const next = (load ? load() : Promise.resolve(undefined)).then((module) => {
    if (chosen !== next) return;
    tag = wanted;
    language = module ? base : 'en';
    catalog = module?.catalog;
    plurals = undefined;
    numbers = undefined;
    for (const host of hosts) host.requestUpdate();
  });
  chosen = next;
  return next;
}

/** Re-renders `host` whenever the locale changes. */
export function localized(host: ReactiveControllerHost): void {
  const controller: ReactiveController = {
    hostConnected: () => hosts.add(host),
    hostDisconnected: () => hosts.delete(host),
  };
  host.addController(controller);
}

const fill = (text: string, values?: Readonly<Record<string, string | number>>): string =>
  values ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)) : text;

/**
 * The text of `english` in the chosen locale, with each `{name}` replaced by `values[name]`. The
 * first argument is always a string literal: the catalog check reads them from the source.
 */
export function msg(english: string, values?: Readonly<Record<string, string | number>>): string {
  const text = catalog?.[english];
  return fill(typeof text === 'string' ? text : english, values);
}

/**
 * The form of a counted phrase that fits `count` in the chosen locale: `one` or `other` in English,
 * as many forms as the locale has in its catalog. `{count}` is the count, formatted.
 */
export function plural(count: number, one: string, other: string, values?: Readonly<Record<string, string | number>>): string {
  plurals ??= new Intl.PluralRules(tag ?? language);
  const forms = catalog?.[other];
  const category = plurals.select(count);
  const text = typeof forms === 'object' ? forms[category] ?? forms.other ?? other : category === 'one' ? one : other;
  numbers ??= new Intl.NumberFormat(tag);
  return fill(text, { count: numbers.format(count), ...values });
}
