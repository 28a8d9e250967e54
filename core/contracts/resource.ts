/** What an action is about. `authorize` receives one of these. */
export type Resource =
  | { readonly type: 'console' }
  | { readonly type: 'queue'; readonly queue: string }
  | { readonly type: 'job'; readonly queue: string; readonly id: string };
