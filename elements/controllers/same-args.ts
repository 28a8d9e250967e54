import type { LoadArgs } from './load-controller.ts';

/** Whether two input lists are the same, element by element (`Object.is`). */
export function sameArgs(a: LoadArgs, b: LoadArgs): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}
