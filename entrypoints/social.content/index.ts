import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { HOST_PERMISSIONS } from '@/utils/platforms';
import { sendMessage } from '@/utils/messages';
import { createDetector } from '@/utils/detect/detector';

export default defineContentScript({
  matches: HOST_PERMISSIONS,
  runAt: 'document_idle',
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
  const detector = createDetector(hello.value, {
    report,
    schedule: (run) => ctx.requestIdleCallback(run, { timeout: 250 }),
  });
  detector.start(document, location.href);
  const onNavigate = () => detector.navigated(location.href);
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  stopCurrent = () => {
    window.removeEventListener('wxt:locationchange', onNavigate);
    detector.stop();
  };
  ctx.onInvalidated(() => detector.stop());
}
