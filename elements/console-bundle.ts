// The browser bundle the console's HTML shell loads: the elements of any first screen, defined
// now; the action dialog and the audit views when first needed, from their own chunks.
import { defineElements } from './define-elements.ts';
import { FIRST_SCREEN_ELEMENTS } from './first-screen-elements.ts';
import { defineLazyIn } from './lazy-elements.ts';

defineElements(FIRST_SCREEN_ELEMENTS);
defineLazyIn(document);
