/** `path` under the console's URL as given to `--url`, such as `api/session`. */
export function underConsole(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/**
 * A GET that does not follow redirects (a redirect in front of the console is a finding, not a
 * detour) and gives up after `timeoutMs`. The body is the caller's to read or cancel.
 */
export function probe(url: string, headers: readonly (readonly [string, string])[], timeoutMs: number, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers: [...headers.map(([name, value]) => [name, value] as [string, string]), ...Object.entries(extra)], redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
}

/** The first line of a response's body, shortened, to quote in a finding. */
export async function bodySnippet(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  const line = text.trim().split('\n', 1)[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
