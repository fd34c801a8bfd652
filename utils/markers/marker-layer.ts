import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { i18n } from '#i18n';
import type { Detection } from '../model/detection';
import { markerText } from '@/components/marker/marker-text';

const SIZE = 20;
const GAP = 4;

export interface MarkerLayerOptions {
  /** A party's display name from its entity id. */
  name(id: string): string;
  onDetails(): void;
  onHide(scope: 'site' | 'everywhere'): void;
}

interface Marker {
  root: HTMLDivElement;
  badge: HTMLButtonElement;
  tip: HTMLSpanElement;
  summary: HTMLParagraphElement;
  key: string;
}

/**
 * Markers beside the controls the detector found, in one closed shadow root: the page can neither
 * restyle them nor read findings out of its DOM, and the detector, which sees only open roots,
 * never mistakes a marker's label for a control of the page. One marker per element, whatever
 * the page re-renders; it follows the element on scroll and resize and leaves when it leaves.
 */
export function createMarkerLayer(ctx: ContentScriptContext, options: MarkerLayerOptions) {
  const markers = new Map<Element, Marker>();
  const stop = new AbortController();
  const resized = new ResizeObserver(() => schedulePlacement());
  let ui: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let frame = 0;
  let open: Marker | undefined;

  const layer = () =>
    (ui ??= createShadowRootUi(ctx, {
      name: 'ledgerlight-markers',
      position: 'inline',
      anchor: 'body',
      append: 'last',
      mode: 'closed',
      onMount: (container) => container,
    }).then((created) => {
      created.mount();
      return created;
    }));

  // Capture: scrolling any inner pane (a chat's message list) moves the controls too.
  window.addEventListener('scroll', () => schedulePlacement(), { capture: true, passive: true, signal: stop.signal });
  window.addEventListener('resize', () => schedulePlacement(), { passive: true, signal: stop.signal });
  window.addEventListener('keydown', (event) => event.key === 'Escape' && open && close(open, true), { signal: stop.signal });

  function schedulePlacement() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      for (const [element, marker] of markers) place(element, marker);
    });
  }

  function place(element: Element, marker: Marker) {
    const rect = element.getBoundingClientRect();
    // A control that is not drawn (display: none, collapsed) has no marker either.
    marker.root.hidden = rect.width === 0 && rect.height === 0;
    const left = Math.min(rect.right + GAP, window.innerWidth - SIZE - GAP);
    marker.root.style.left = `${Math.max(0, left)}px`;
    marker.root.style.top = `${Math.max(0, rect.top + rect.height / 2 - SIZE / 2)}px`;
    marker.root.classList.toggle('ll-flip', left > window.innerWidth - 300);
  }

  function create(): Marker {
    const root = Object.assign(document.createElement('div'), { className: 'll-marker' });
    const badge = Object.assign(document.createElement('button'), { type: 'button', className: 'll-badge', textContent: 'L' });
    const tip = Object.assign(document.createElement('span'), { className: 'll-tip' });
    tip.setAttribute('aria-hidden', 'true');
    const panel = Object.assign(document.createElement('div'), { className: 'll-panel', hidden: true });
    const summary = Object.assign(document.createElement('p'), { className: 'll-summary' });
    const explain = Object.assign(document.createElement('p'), { className: 'll-explain', textContent: i18n.t('marker.explain') });
    const actions = Object.assign(document.createElement('div'), { className: 'll-actions' });
    const action = (text: string, run: () => void, primary = false) => {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: text, className: primary ? 'll-primary' : '' });
      // Only a person's click: these change settings or open tabs, and a page must not fake them.
      button.addEventListener('click', (event) => event.isTrusted && run());
      actions.append(button);
    };
    const marker: Marker = { root, badge, tip, summary, key: '' };
    action(i18n.t('marker.details'), () => options.onDetails(), true);
    action(i18n.t('marker.hideSite'), () => options.onHide('site'));
    action(i18n.t('marker.hideEverywhere'), () => options.onHide('everywhere'));
    action(i18n.t('marker.close'), () => close(marker, true));
    panel.append(summary, explain, actions);
    badge.setAttribute('aria-expanded', 'false');
    badge.addEventListener('click', () => (open === marker ? close(marker, false) : show(marker)));
    root.append(badge, tip, panel);
    return marker;
  }

  function show(marker: Marker) {
    if (open) close(open, false);
    open = marker;
    marker.root.classList.add('ll-open');
    (marker.root.querySelector('.ll-panel') as HTMLElement).hidden = false;
    marker.badge.setAttribute('aria-expanded', 'true');
  }

  function close(marker: Marker, refocus: boolean) {
    open = undefined;
    marker.root.classList.remove('ll-open');
    (marker.root.querySelector('.ll-panel') as HTMLElement).hidden = true;
    marker.badge.setAttribute('aria-expanded', 'false');
    if (refocus) marker.badge.focus();
  }

  function drop(element: Element) {
    const marker = markers.get(element);
    if (!marker) return;
    if (open === marker) open = undefined;
    marker.root.remove();
    resized.unobserve(element);
    markers.delete(element);
  }

  return {
    /** The detector's complete element map after each batch: markers are added, updated and dropped to match it. */
    async show(elements: Map<Element, Detection[]>) {
      for (const element of [...markers.keys()]) if (!elements.has(element) || !element.isConnected) drop(element);
      if (!elements.size) return;
      const { uiContainer } = await layer();
      if (stop.signal.aborted) return;
      // Document order, so Tab moves through markers as it moves through the page.
      const ordered = [...elements].filter(([element]) => element.isConnected).sort(([a], [b]) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
      let previous: HTMLElement | undefined;
      for (const [element, detections] of ordered) {
        let marker = markers.get(element);
        if (!marker) {
          marker = create();
          // Placed after the marker before it; existing ones never move, so a focused marker keeps focus.
          if (previous) previous.after(marker.root);
          else uiContainer.prepend(marker.root);
          markers.set(element, marker);
          resized.observe(element);
          // Placed at once, so a new marker never shows for a frame at the corner of the page.
          place(element, marker);
        }
        previous = marker.root;
        const key = detections.map((d) => `${d.ruleId}|${d.partners.join()}`).join(';');
        if (key !== marker.key) {
          const text = markerText(detections, options.name);
          marker.badge.setAttribute('aria-label', text.label);
          marker.tip.textContent = text.summary;
          marker.summary.textContent = text.summary;
          marker.key = key;
        }
      }
      schedulePlacement();
    },
    remove() {
      stop.abort();
      resized.disconnect();
      cancelAnimationFrame(frame);
      markers.clear();
      void ui?.then((created) => created.remove());
    },
  };
}
