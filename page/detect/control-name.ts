/** An aria-label this long is content rather than a name (phrasesIn drops longer text too). */
export const MAX_LABEL = 80;
/** Deeper than this, a subtree is content, not a control's name. */
const MAX_DEPTH = 8;

/**
 * A control's name as a screen reader would announce it, before clean-up, and whether it came
 * from the page's content (its text, an image's alt) rather than from an attribute the site set.
 *
 * Most controls name themselves with an aria-label or their own text, read here directly: a feed
 * has tens of thousands of them. The rest follow the W3C accname steps that matter for them:
 * aria-labelledby first (mobile Facebook's settings rows are empty links labelled by a sibling,
 * which counts even though it is aria-hidden, as the spec says for a referenced node), then
 * aria-label, then the content with images' alt and children's aria-label, then title.
 * dom-accessibility-api does all of it, but it costs 4.3 KB gzipped (18% of the content
 * script's budget, which the bundle then exceeded) and reads computed styles as it walks; this
 * reads none, so a hidden descendant's text may count, as it does in textContent.
 */
export function controlName(element: Element): { raw: string; fromContent: boolean } {
  const labelledBy = element.getAttribute('aria-labelledby');
  if (labelledBy) {
    const doc = element.ownerDocument;
    const parts = labelledBy.split(/\s+/).map((id) => doc.getElementById(id)).filter((e) => e !== null);
    if (parts.length) return { raw: parts.map((part) => textAlternative(part, 0)).join(' '), fromContent: true };
  }
  const aria = element.getAttribute('aria-label');
  if (aria) return { raw: aria.length <= MAX_LABEL ? aria : '', fromContent: false };
  if (element.localName === 'input') return { raw: (element as HTMLInputElement).value.slice(0, MAX_LABEL), fromContent: false };
  const text = element.textContent ?? '';
  if (/\S/.test(text)) return { raw: text, fromContent: true };
  // No text of its own: an icon named by an image's alt, an SVG title, or the control's title.
  const alternative = element.firstElementChild ? textAlternative(element, 0) : '';
  return { raw: /\S/.test(alternative) ? alternative : (element.getAttribute('title') ?? ''), fromContent: true };
}

/** The name a node gives from its content: aria-label, an image's alt, an SVG's title, or its text, children joined. */
function textAlternative(node: Element, depth: number): string {
  const aria = node.getAttribute('aria-label');
  if (aria) return aria;
  const tag = node.localName;
  if (tag === 'img' || tag === 'area') return node.getAttribute('alt') ?? '';
  if (tag === 'title' && depth > 0) return node.textContent ?? '';
  if (tag === 'script' || tag === 'style' || depth > MAX_DEPTH) return '';
  let name = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) name += (child as Text).data;
    else if (child.nodeType === 1) name += ` ${textAlternative(child as Element, depth + 1)} `;
  }
  return name || (node.getAttribute('title') ?? '');
}
