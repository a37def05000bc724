/**
 * Where to go after signing in: only a page of our own site. The value is parsed as a URL
 * against our own origin, as a browser would (which reads `\` as `/` and drops tabs and
 * newlines), and accepted only when the result still has our origin. Returns the normalised
 * path, so the Location header never carries the raw value.
 */
export function veiligTerug(terug: unknown, eigenOrigin: string): string | null {
  if (typeof terug !== "string" || !terug.startsWith("/") || terug.length > 2000) return null;
  let url: URL;
  try {
    url = new URL(terug, eigenOrigin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(eigenOrigin).origin) return null;
  const pad = `${url.pathname}${url.search}${url.hash}`;
  return pad.startsWith("/") && !pad.startsWith("//") && !pad.startsWith("/\\") ? pad : null;
}
