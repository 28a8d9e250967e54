import { DEMO_USERS, ROLES } from './policies.ts';
import type { DemoUser, Role } from './policies.ts';
import { LINKS } from './links.ts';

/** What the sign-in page shows besides the form. */
export interface LoginPageState {
  /** Who is signed in already, if anyone. */
  readonly current?: DemoUser | null;
  /** A problem with the last attempt. */
  readonly error?: string;
  /** Where the console is. */
  readonly consoleUrl: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
  :root { color-scheme: light dark; --accent: #3b5bdb; --ink: #1d2330; --muted: #5c6475; --card: #fff; --page: #f2f4f8; --line: #d9dde6; }
  @media (prefers-color-scheme: dark) { :root { --accent: #7d96ff; --ink: #e7eaf1; --muted: #a2a9b8; --card: #1b1f29; --page: #11141b; --line: #2e3442; } }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--page); color: var(--ink);
         font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { width: min(440px, calc(100vw - 32px)); background: var(--card); border: 1px solid var(--line); border-radius: 14px;
         padding: 28px 28px 24px; box-shadow: 0 12px 40px rgb(0 0 0 / 0.08); }
  h1 { margin: 0 0 4px; font-size: 1.35rem; }
  p.lead { margin: 0 0 20px; color: var(--muted); }
  fieldset { border: 0; margin: 0 0 20px; padding: 0; display: grid; gap: 10px; }
  legend { font-weight: 600; margin-bottom: 8px; }
  label.role { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; align-items: start; padding: 12px 14px;
               border: 1px solid var(--line); border-radius: 10px; cursor: pointer; }
  label.role:hover { border-color: var(--accent); }
  label.role:has(input:checked) { border-color: var(--accent); box-shadow: 0 0 0 1px var(--accent); }
  label.role input { grid-row: span 2; margin-top: 4px; accent-color: var(--accent); }
  .name { font-weight: 600; }
  .what { grid-column: 2; color: var(--muted); font-size: 0.9rem; }
  button { width: 100%; padding: 11px; border: 0; border-radius: 10px; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  button:focus-visible, input:focus-visible { outline: 3px solid color-mix(in srgb, var(--accent) 45%, transparent); outline-offset: 2px; }
  button.quiet { background: transparent; color: var(--accent); border: 1px solid var(--line); margin-top: 10px; }
  .error { background: color-mix(in srgb, #e03131 12%, var(--card)); border: 1px solid #e03131; border-radius: 10px; padding: 10px 12px; margin-bottom: 16px; }
  .current { margin: 0 0 16px; padding: 10px 12px; border-radius: 10px; background: color-mix(in srgb, var(--accent) 10%, var(--card)); }
  a { color: var(--accent); }
  footer { margin-top: 18px; color: var(--muted); font-size: 0.85rem; text-align: center; }
`;

function roleOption(role: Role, user: DemoUser, checked: boolean): string {
  return `<label class="role">
        <input type="radio" name="user" value="${role}"${checked ? ' checked' : ''} required>
        <span class="name">${escapeHtml(user.name)} <small>(${role})</small></span>
        <span class="what">${escapeHtml(ROLES[role])}</span>
      </label>`;
}

/** The demo's sign-in page: pick one of the four demo users. Plain HTML and CSS, no script. */
export function renderLoginPage(state: LoginPageState): string {
  const roles = Object.keys(ROLES) as Role[];
  const selected = state.current?.role ?? 'operator';
  const current = state.current
    ? `<p class="current">Signed in as <strong>${escapeHtml(state.current.name)}</strong> (${state.current.role}).
        <a href="${escapeHtml(state.consoleUrl)}">Open the console</a></p>`
    : '';
  const signOut = state.current
    ? `<form method="post" action="${LINKS.logout}"><button class="quiet" type="submit">Sign out</button></form>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Sign in · ops-jobs demo</title>
  <style>${STYLE}</style>
</head>
<body>
  <main>
    <h1>ops-jobs demo</h1>
    <p class="lead">Choose who to be. Each user has a different role, so you can see what the console lets each of them do.</p>
    ${state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : ''}
    ${current}
    <form method="post" action="${LINKS.login}">
      <fieldset>
        <legend>Sign in as</legend>
        ${roles.map((role) => roleOption(role, DEMO_USERS[role], role === selected)).join('\n        ')}
      </fieldset>
      <button type="submit">Sign in</button>
    </form>
    ${signOut}
    <footer>No passwords: this is a demo host.</footer>
  </main>
</body>
</html>
`;
}
