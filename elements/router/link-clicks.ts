/**
 * The same-origin link a click should open inside the console, or null when the browser should
 * handle it: modified or non-primary clicks, downloads, other targets, other origins, and clicks
 * a page has already handled. Looks through shadow roots via the composed path.
 */
export function interceptableLink(event: MouseEvent, origin: string): URL | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
  if (!anchor) return null;
  if (anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.relList.contains('external')) return null;
  const url = new URL(anchor.href);
  if (url.origin !== origin) return null;
  return url;
}
