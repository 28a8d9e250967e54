/**
 * The q-value a request's `Accept-Encoding` gives each coding it names, lowercased, `*` included.
 * Malformed q-values count as 0, so a garbled header never turns a refusal into a yes.
 */
function qualities(header: string): Map<string, number> {
  const named = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.split(';');
    const name = rawName.trim().toLowerCase();
    if (name === '') continue;
    const q = params.map((param) => param.trim().toLowerCase()).find((param) => param.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    named.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(quality) && quality >= 0 && quality <= 1 ? quality : 0);
  }
  return named;
}

/**
 * Picks the content coding for a response from those the server can produce (`offered`, in the
 * server's order of preference), following the request's `Accept-Encoding` (RFC 9110, 12.5.3).
 * Returns null for no coding (identity). The highest q-value wins; a tie goes to the earlier
 * offered coding, and a coding beats identity unless the client names identity with a higher
 * q-value. Without the header the answer is identity: the RFC would allow any coding, but
 * clients that send nothing (curl, scripts) expect plain bytes.
 */
export function chooseContentCoding(request: Request, offered: readonly string[]): string | null {
  const header = request.headers.get('accept-encoding');
  if (header === null) return null;
  const named = qualities(header);
  const wildcard = named.get('*');
  const qualityOf = (coding: string) => named.get(coding) ?? wildcard ?? 0;
  let best: string | null = null;
  let bestQuality = 0;
  for (const coding of offered) {
    const quality = qualityOf(coding);
    if (quality > bestQuality) [best, bestQuality] = [coding, quality];
  }
  // Unnamed, identity ranks below every coding the client names; named, by its q-value.
  const identity = named.get('identity');
  return best !== null && identity !== undefined && identity > bestQuality ? null : best;
}
