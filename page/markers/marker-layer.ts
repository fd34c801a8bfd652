import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Detection } from '../../utils/model/detection';
import { markerText } from '@/page/markers/marker-text';
import { createMarkerView, type MarkerView } from './marker-view';

const HOST = 'ledgerlight-marker';
const SIZE = 20;
const GAP = 4;
/** More re-insertions than this within the window means the page removes the marker on purpose, not by re-rendering. */
const REINSERT_LIMIT = 5;
const REINSERT_WINDOW_MS = 2_000;
/** Events that stop at the marker's shadow root: a page's delegated handlers (send on Enter, open the row on click) must not act on them. */
const ISOLATED_EVENTS = ['keydown', 'keyup', 'keypress', 'click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'];

export interface MarkerLayerOptions {
  /** A party's display name from its entity id. */
  name(id: string): string;
  onDetails(): void;
  onHide(scope: 'site' | 'everywhere'): void;
}

interface Marker {
  view: MarkerView;
  /** Set once its shadow root exists (creating one loads the markers' stylesheet). */
  ui?: ShadowRootContentScriptUi<void>;
  key: string;
  /** When the page last took the host away and it was put back. */
  reinsertions: number[];
  /**
   * 'beside': the host is the control's next sibling, so Tab reaches the marker right after it.
   * 'parked': the page kept removing it there, so it sits at the end of the body instead.
   * 'given-up': the page removed it from there too; it stays out rather than fight.
   */
  spot: 'beside' | 'parked' | 'given-up';
}

/**
 * One marker per detected control, each in its own closed shadow root inserted right after the
 * control: the page can neither restyle it nor read findings from it, Tab moves from the control
 * to its marker and on, and the detector (which sees only open roots) never mistakes a marker's
 * label for the page's own. The host takes no box (display: contents) and the marker is drawn in
 * the top layer, so the page's flex and grid layouts are as they were and no transformed or
 * clipping ancestor can misplace it. Markers follow scroll and resize, leave with their control,
 * and come back, within limits, when a re-render takes them away.
 */
export function createMarkerLayer(ctx: ContentScriptContext, options: MarkerLayerOptions) {
  const markers = new Map<Element, Marker>();
  const hosts = new WeakSet<Element>();
  const stop = new AbortController();
  const resized = new ResizeObserver(() => schedulePlacement());
  const removedByPage = new MutationObserver(() => restoreHosts());
  let frame = 0;
  let open: Marker | undefined;

  // Capture: scrolling any inner pane (a chat's message list) moves the controls too.
  window.addEventListener('scroll', () => schedulePlacement(), { capture: true, passive: true, signal: stop.signal });
  window.addEventListener('resize', () => schedulePlacement(), { passive: true, signal: stop.signal });
  // Escape pressed while the page has focus closes an open marker without taking focus from the page.
  window.addEventListener('keydown', (event) => event.key === 'Escape' && open && setOpen(open, false), { signal: stop.signal });

  function schedulePlacement() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const [element, marker] of markers) place(element, marker);
    });
  }

  function place(element: Element, marker: Marker) {
    const { root } = marker.view;
    const rect = element.getBoundingClientRect();
    // A control that is not drawn (display: none, collapsed) has no marker either.
    root.hidden = rect.width === 0 && rect.height === 0;
    const left = Math.min(rect.right + GAP, window.innerWidth - SIZE - GAP);
    root.style.left = `${Math.max(0, left)}px`;
    root.style.top = `${Math.max(0, rect.top + rect.height / 2 - SIZE / 2)}px`;
    root.classList.toggle('ll-flip', left > window.innerWidth - 300);
  }

  function setOpen(marker: Marker, next: boolean, refocus = false) {
    if (next && open && open !== marker) open.view.setOpen(false);
    open = next ? marker : open === marker ? undefined : open;
    marker.view.setOpen(next);
    if (refocus) marker.view.badge.focus();
  }

  function create(element: Element): Marker {
    const view = createMarkerView({
      onDetails: options.onDetails,
      onHide: options.onHide,
      onToggle: () => setOpen(marker, open !== marker),
      onClose: () => setOpen(marker, false, true),
    });
    const marker: Marker = { view, key: '', reinsertions: [], spot: 'beside' };
    void createShadowRootUi(ctx, {
      name: HOST,
      position: 'inline',
      anchor: element,
      append: (control, host) => {
        // A page that clones a marked node copies our host without its shadow root: an empty stand-in to clear away.
        const next = control.nextElementSibling;
        if (next?.localName === HOST && !hosts.has(next)) next.remove();
        hosts.add(host);
        control.after(host);
      },
      mode: 'closed',
      isolateEvents: ISOLATED_EVENTS,
      onMount: (container) => container.append(marker.view.root),
    }).then((ui) => {
      // Dropped, or the layer removed, while the stylesheet loaded.
      if (markers.get(element) !== marker || stop.signal.aborted || !element.isConnected) return;
      marker.ui = ui;
      ui.mount();
      reveal(element, marker);
      watchParents();
    });
    return marker;
  }

  /** A popover closes when its host leaves the document; it is shown again wherever the host now is. */
  function reveal(element: Element, marker: Marker) {
    if (!marker.view.root.matches(':popover-open')) marker.view.root.showPopover();
    // Placed at once, so a marker never shows for a frame at the corner of the page.
    place(element, marker);
  }

  /** Puts back hosts the page took away while leaving their control, giving up on a page that keeps at it. */
  function restoreHosts() {
    const now = performance.now();
    let moved = false;
    for (const [element, marker] of markers) {
      const host = marker.ui?.shadowHost;
      if (!host || !element.isConnected || marker.spot === 'given-up') continue;
      const expected = marker.spot === 'beside' ? element.parentNode : document.body;
      if (host.parentNode === expected) continue;
      marker.reinsertions = [...marker.reinsertions.filter((t) => now - t < REINSERT_WINDOW_MS), now];
      if (marker.reinsertions.length > REINSERT_LIMIT) {
        marker.spot = marker.spot === 'beside' ? 'parked' : 'given-up';
        marker.reinsertions = [];
      }
      if (marker.spot === 'given-up') continue;
      if (marker.spot === 'beside') element.after(host);
      else document.body.append(host);
      reveal(element, marker);
      moved = true;
    }
    if (moved) watchParents();
  }

  /** Watches only the nodes that hold a host: what else the page does is the detector's business. */
  function watchParents() {
    // Disconnecting drops what the observer has not delivered yet: a host taken away just now must not be missed.
    const pending = removedByPage.takeRecords().length > 0;
    removedByPage.disconnect();
    const parents = new Set<Node>();
    for (const [element, marker] of markers) if (marker.ui && element.parentNode) parents.add(marker.spot === 'beside' ? element.parentNode : document.body);
    for (const parent of parents) removedByPage.observe(parent, { childList: true });
    if (pending) restoreHosts();
  }

  function drop(element: Element) {
    const marker = markers.get(element);
    if (!marker) return;
    if (open === marker) open = undefined;
    marker.ui?.remove();
    resized.unobserve(element);
    markers.delete(element);
  }

  return {
    /** The detector's complete element map after each batch: markers are added, updated and dropped to match it. */
    show(elements: Map<Element, Detection[]>) {
      if (stop.signal.aborted) return;
      for (const element of [...markers.keys()]) if (!elements.has(element) || !element.isConnected) drop(element);
      for (const [element, detections] of elements) {
        if (!markable(element)) continue;
        let marker = markers.get(element);
        if (!marker) {
          marker = create(element);
          markers.set(element, marker);
          resized.observe(element);
        }
        const key = detections.map((d) => `${d.ruleId}|${d.partners.join()}`).join(';');
        if (key !== marker.key) {
          marker.view.setText(markerText(detections, options.name));
          marker.key = key;
        }
      }
      watchParents();
      schedulePlacement();
    },
    remove() {
      stop.abort();
      resized.disconnect();
      removedByPage.disconnect();
      cancelAnimationFrame(frame);
      for (const marker of markers.values()) marker.ui?.remove();
      markers.clear();
    },
  };
}

/** Only what the page draws gets a marker: a script or stylesheet link is evidence, not a control a person sees. */
function markable(element: Element): boolean {
  return element.isConnected && element.closest('head') === null && !element.matches('script, style, link, meta, template, noscript');
}
