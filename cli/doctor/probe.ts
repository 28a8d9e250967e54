/** `path` under the console's URL as given to `--url`, such as `api/session`. */
export function underConsole(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

/**
 * A GET that does not follow redirects (a redirect in front of the console is a finding, not a
 * detour) and gives up after `timeoutMs`. The body is the caller's to read or cancel.
 */
export function probe(url: string, headers: readonly (readonly [string, string])[], timeoutMs: number, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers: [...headers, ...Object.entries(extra)] as [string, string][], redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
}

/** Thrown by `openStream` when not even the response's headers arrived in time. */
export class NoAnswerError extends Error {
  constructor(seconds: number) {
    super(`no response within ${seconds} s`);
    this.name = 'NoAnswerError';
  }
}

/** A response that stays open until `close()`: only waiting for its headers is bounded by `timeoutMs`. */
export interface OpenResponse {
  readonly response: Response;
  close(): void;
}

/** A GET like `probe`, for a response that streams (the live stream) and may last longer than one probe. */
export async function openStream(url: string, headers: readonly (readonly [string, string])[], timeoutMs: number, extra: Record<string, string> = {}): Promise<OpenResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new NoAnswerError(timeoutMs / 1000)), timeoutMs);
  try {
    const response = await fetch(url, { headers: [...headers, ...Object.entries(extra)] as [string, string][], redirect: 'manual', signal: controller.signal });
    return { response, close: () => controller.abort() };
  } catch (error) {
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}

/** The first line of a response's first chunk, shortened, to quote in a finding; the rest is not read. */
export async function bodySnippet(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const first = await reader.read().catch(() => ({ value: undefined }));
  void reader.cancel().catch(() => {});
  const line = new TextDecoder().decode(first.value ?? new Uint8Array()).trim().split('\n', 1)[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 160)}…` : line;
}
