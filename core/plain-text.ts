import { InvalidInputError } from './errors.ts';

// C0 and C1 control characters; NUL among them, which PostgreSQL refuses in text.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_BUT_LINES = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// A surrogate without its pair: text that is not well-formed Unicode.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Characters that change how the text around them reads without showing themselves: zero-width
// characters, bidirectional embeddings, overrides and isolates, and the byte order mark.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

// The same characters, found anywhere, for showing stored text inertly.
const HIDDEN_ANYWHERE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/**
 * Stored free text made inert for display: each control or invisible character (as `plainText`
 * refuses them, line breaks aside) shown as its code point, such as `<U+202E>`, so that text
 * stored before the refusal, or by another writer, can neither hide nor reorder what is around it.
 */
export function inertText(value: string): string {
  return value.replace(HIDDEN_ANYWHERE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}

export interface PlainTextOptions {
  /** Line breaks are allowed (a reason may have paragraphs); other control characters never are. */
  readonly lines?: boolean;
}

/**
 * Checks text that arrives from a client and will be stored, compared or shown: refuses control
 * characters, text that is not well-formed Unicode, and invisible characters that reorder or hide
 * what an operator reads, with a 400 that names the field. Returns the text in Unicode NFC, so
 * that what looks the same is stored the same.
 */
export function plainText(field: string, value: string, options: PlainTextOptions = {}): string {
  if (LONE_SURROGATE.test(value)) throw new InvalidInputError(field, `${field} is not well-formed Unicode text.`);
  if ((options.lines ? CONTROL_BUT_LINES : CONTROL).test(value)) {
    throw new InvalidInputError(field, `${field} contains a control character${options.lines ? ' other than a line break' : ''}; send plain text.`);
  }
  if (INVISIBLE.test(value)) {
    throw new InvalidInputError(field, `${field} contains an invisible character (zero-width, or one that reorders text) that would hide what others read.`);
  }
  return value.normalize('NFC');
}
