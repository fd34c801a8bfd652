import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_PERMISSIONS } from '@/utils/platforms';
import { settingsItem } from '@/utils/storage';
import { sendMessage } from '@/utils/protocol';
import type { PageConfig } from '@/utils/model/page-config';
import type { Detection } from '@/utils/model/detection';
import { createDetector, IDLE_TIMEOUT_MS } from '@/page/detect/detector';
import { createMarkerLayer } from '@/page/markers/marker-layer';
import '@/page/markers/marker.css';

export default defineContentScript({
  matches: HOST_PERMISSIONS,
  runAt: 'document_idle',
  // The markers' CSS goes into their shadow root only, never into the page.
  cssInjectionMode: 'ui',
  async main(ctx) {
    await update(ctx);
    // A site switched on or off, or markers toggled, in options take effect without a reload.
    const unwatch = settingsItem.watch(() => void update(ctx));
    ctx.onInvalidated(() => {
      unwatch();
      current?.stop();
    });
  },
});

/** The watch running on this page, and the settings that shape it. */
let current: { stop(): void; markers: boolean; wholePage: boolean } | undefined;
/** Counts updates, so an answer overtaken by a newer settings change is dropped. */
let generation = 0;

/**
 * Asks the background whether and how to watch this page, and restarts only when that changed:
 * most settings (history, other sites) leave this page as it is, and a restart rescans it whole.
 */
async function update(ctx: ContentScriptContext) {
  const run = ++generation;
  const hello = await sendMessage('page:hello', { url: location.href });
  if (run !== generation || ctx.isInvalid || !hello.ok) return;
  const config = hello.value;
  if (current && config && current.markers === config.markers && current.wholePage === config.wholePage) return;
  current?.stop();
  current = config ? { stop: watch(ctx, config), markers: config.markers, wholePage: config.wholePage } : undefined;
}

/** Starts detection (and markers, if on) on this page; returns what stops them. */
function watch(ctx: ContentScriptContext, config: PageConfig): () => void {
  const report = (detections: Detection[], unread: boolean) => sendMessage('page:detections', { url: location.href, detections, unread }).catch(() => undefined);
  const names = new Map(config.entities.map((e) => [e.id, e.name ?? e.id]));
  const markers = config.markers
    ? createMarkerLayer(ctx, {
        name: (id) => names.get(id) ?? id,
        onDetails: () => void sendMessage('page:show-details', { url: location.href }).catch(() => undefined),
        // The settings change that follows restarts the watch, which takes the markers away.
        onHide: (scope) => void sendMessage('page:hide-markers', { url: location.href, scope }).catch(() => undefined),
      })
    : undefined;
  const detector = createDetector(config, {
    report,
    onElements: markers && ((elements) => void markers.show(elements)),
    // The browser's own idle callback: the context's wrapper adds an abort listener on every call,
    // a cost paid on every batch; the detector ignores a callback that arrives after it stopped.
    schedule: (run) => void requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }),
    // The task after a frame, when layout is fresh; a hidden tab draws no frames, so it waits for idle instead.
    afterLayout: (run) =>
      document.visibilityState === 'hidden' ? void requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS }) : void requestAnimationFrame(() => setTimeout(run, 0)),
    inlineSmallBatches: true,
  });
  detector.start(document, location.href);
  const onNavigate = () => detector.navigated(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  return () => {
    window.removeEventListener('wxt:locationchange', onNavigate);
    detector.stop();
    markers?.remove();
  };
}
