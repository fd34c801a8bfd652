import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_PERMISSIONS } from '@/utils/platforms';
import { sendMessage } from '@/utils/messages';
import { createDetector } from '@/utils/detect/detector';
import { createMarkerLayer } from '@/utils/markers/marker-layer';
import '@/components/marker/marker.css';

export default defineContentScript({
  matches: HOST_PERMISSIONS,
  runAt: 'document_idle',
  // The markers' CSS goes into their shadow root only, never into the page.
  cssInjectionMode: 'ui',
  async main(ctx) {
    await watch(ctx);
    // A site switched on or off in options takes effect without a reload.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync' && 'settings' in changes) void watch(ctx);
    };
    browser.storage.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  },
});

let stopCurrent: (() => void) | undefined;

async function watch(ctx: ContentScriptContext) {
  stopCurrent?.();
  stopCurrent = undefined;
  const hello = await sendMessage('page:hello', { url: location.href });
  if (!hello.ok || !hello.value || ctx.isInvalid) return;

  const report = (detections: Parameters<typeof sendMessage<'page:detections'>>[1]['detections']) =>
    sendMessage('page:detections', { url: location.href, detections }).catch(() => undefined);
  const names = new Map(hello.value.entities.map((e) => [e.id, e.name ?? e.id]));
  const markers = hello.value.markers
    ? createMarkerLayer(ctx, {
        name: (id) => names.get(id) ?? id,
        onDetails: () => void sendMessage('page:show-details', { url: location.href }).catch(() => undefined),
        // The settings change that follows restarts watch(), which takes the markers away.
        onHide: (scope) => void sendMessage('page:hide-markers', { url: location.href, scope }).catch(() => undefined),
      })
    : undefined;
  const detector = createDetector(hello.value, {
    report,
    onElements: markers && ((elements) => void markers.show(elements)),
    schedule: (run) => ctx.requestIdleCallback(run, { timeout: 250 }),
  });
  detector.start(document, location.href);
  const onNavigate = () => detector.navigated(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  stopCurrent = () => {
    window.removeEventListener('wxt:locationchange', onNavigate);
    detector.stop();
    markers?.remove();
  };
  ctx.onInvalidated(() => detector.stop());
}
