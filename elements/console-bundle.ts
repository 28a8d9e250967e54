// The browser bundle the console's HTML shell loads: every element, defined.
import './index.ts';
