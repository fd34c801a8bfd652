/**
 * Whether a control is out of everyone's reach: inside a hidden, inert or aria-hidden subtree,
 * not rendered (display:none, visibility:hidden, a closed <details>), or a box with no size at
 * all. Such a control is not a feature the user is shown, so it is no evidence. Asked only of the
 * rare control that matched a rule: the layout checks make the browser compute styles.
 */
export function isHidden(element: Element): boolean {
  if (element.closest('[hidden],[inert],[aria-hidden="true"]')) return true;
  if (typeof element.checkVisibility === 'function' && !element.checkVisibility({ visibilityProperty: true })) return true;
  // An empty element's size is whatever the site's CSS makes it (mobile Facebook's settings rows
  // are empty links stretched over the row): only content shrunk to nothing is hidden by size.
  if (!element.hasChildNodes()) return false;
  const box = element.getBoundingClientRect();
  // A page without layout (happy-dom in unit tests) measures every box as empty: no size says nothing there.
  return box.width === 0 && box.height === 0 && hasLayout(element.ownerDocument);
}

function hasLayout(doc: Document): boolean {
  return doc.documentElement.getBoundingClientRect().height > 0;
}
