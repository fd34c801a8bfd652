import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '@/utils/protocol';
import { settingsItem } from '@/utils/storage';
import { createTrackerWatch } from '@/page/financial/tracker-watch';

/**
 * The opt-in other direction (issue 20). Not in the manifest: the background registers it at run
 * time, only on the patterns the user granted ("Also check financial sites"), and the background
 * answers only for a financial firm's own page.
 */
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    let stop: (() => void) | undefined;
    let generation = 0;
    const update = async () => {
      const run = ++generation;
      const hello = await sendMessage('firm:hello', { url: location.href }).catch(() => undefined);
      if (run !== generation || ctx.isInvalid) return;
      stop?.();
      stop = undefined;
      if (!hello?.ok || !hello.value) return;
      const watch = createTrackerWatch(hello.value.trackers, {
        report: (detections) => void sendMessage('firm:detections', { url: location.href, detections }).catch(() => undefined),
      });
      watch.start(document, location.href);
      stop = () => watch.stop();
    };
    await update();
    // Turned off or paused in options: the watch stops without a reload.
    const unwatch = settingsItem.watch((next, previous) => {
      if (next.financialSites !== previous?.financialSites || next.paused !== previous?.paused) void update();
    });
    ctx.onInvalidated(() => {
      unwatch();
      stop?.();
    });
  },
});
