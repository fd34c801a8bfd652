import { computeAccessibleName } from 'dom-accessibility-api';

/** An aria-label this long is content rather than a name (phrasesIn drops longer text too). */
export const MAX_LABEL = 80;

/**
 * A control's name as a screen reader would announce it, before clean-up, and whether it came
 * from the page's content (its text, an image's alt) rather than from an attribute the site set.
 *
 * Most controls name themselves with an aria-label or their own text, read here directly: a feed
 * has tens of thousands of them. The rest go through dom-accessibility-api (the W3C accname
 * algorithm Testing Library uses), which follows aria-labelledby to the elements that hold the
 * name (mobile Facebook's settings rows are empty links labelled by a sibling) and finds a title,
 * an image's alt or an SVG title when there is no text. It reads computed styles as it walks,
 * which is why only these few pay for it.
 */
export function controlName(element: Element): { raw: string; fromContent: boolean } {
  if (element.hasAttribute('aria-labelledby')) return { raw: computeAccessibleName(element), fromContent: true };
  const aria = element.getAttribute('aria-label');
  if (aria) return { raw: aria.length <= MAX_LABEL ? aria : '', fromContent: false };
  if (element.localName === 'input') return { raw: (element as HTMLInputElement).value.slice(0, MAX_LABEL), fromContent: false };
  const text = element.textContent ?? '';
  if (/\S/.test(text)) return { raw: text, fromContent: true };
  return { raw: element.firstElementChild || element.hasAttribute('title') ? computeAccessibleName(element) : '', fromContent: true };
}
