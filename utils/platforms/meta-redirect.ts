/**
 * Meta's link shim: outbound links on Facebook, Instagram and Messenger go through
 * l.facebook.com/l.php?u=<address> (lm. on mobile), so the address a link leads to is in `u`.
 */
export function unwrapMetaLinkShim(href: string): string | undefined {
  const match = /^https:\/\/(?:l|lm)\.(?:facebook|instagram|messenger)\.com\/l\.php\?u=([^&]+)/.exec(href);
  if (!match?.[1]) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
}
