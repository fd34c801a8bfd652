import { i18n } from '#i18n';
import type { MarkerText } from '@/page/markers/marker-text';

export interface MarkerActions {
  onDetails(): void;
  onHide(scope: 'site' | 'everywhere'): void;
  /** The badge was pressed: the layer decides which marker is open. */
  onToggle(): void;
  /** Close was chosen, or Escape pressed inside the marker. */
  onClose(): void;
}

export interface MarkerView {
  /** A manual popover: shown in the top layer, so no transformed or clipped ancestor of the control can move or cut it. */
  root: HTMLDivElement;
  badge: HTMLButtonElement;
  setText(text: MarkerText): void;
  setOpen(open: boolean): void;
}

/** The DOM of one marker: a badge, a hover tip, and a panel with the marker's actions. */
export function createMarkerView(actions: MarkerActions): MarkerView {
  const root = Object.assign(document.createElement('div'), { className: 'll-marker' });
  root.popover = 'manual';
  const badge = Object.assign(document.createElement('button'), { type: 'button', className: 'll-badge', textContent: 'L' });
  badge.setAttribute('aria-expanded', 'false');
  badge.addEventListener('click', () => actions.onToggle());
  const tip = Object.assign(document.createElement('span'), { className: 'll-tip' });
  tip.setAttribute('aria-hidden', 'true');
  const panel = Object.assign(document.createElement('div'), { className: 'll-panel', hidden: true });
  const summary = Object.assign(document.createElement('p'), { className: 'll-summary' });
  const explain = Object.assign(document.createElement('p'), { className: 'll-explain', textContent: i18n.t('marker.explain') });
  const buttons = Object.assign(document.createElement('div'), { className: 'll-actions' });
  const action = (text: string, run: () => void, primary = false) => {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: text, className: primary ? 'll-primary' : '' });
    // Only a person's click: these change settings or open tabs, and a page must not fake them.
    button.addEventListener('click', (event) => event.isTrusted && run());
    buttons.append(button);
  };
  action(i18n.t('marker.details'), () => actions.onDetails(), true);
  action(i18n.t('marker.hideSite'), () => actions.onHide('site'));
  action(i18n.t('marker.hideEverywhere'), () => actions.onHide('everywhere'));
  action(i18n.t('marker.close'), () => actions.onClose());
  panel.append(summary, explain, buttons);
  root.append(badge, tip, panel);
  // Key events stop at the shadow root (see the layer), so Escape is heard here, not on the window.
  root.addEventListener('keydown', (event) => event.key === 'Escape' && !panel.hidden && actions.onClose());

  return {
    root,
    badge,
    setText(text) {
      badge.setAttribute('aria-label', text.label);
      tip.textContent = text.summary;
      summary.textContent = text.summary;
    },
    setOpen(open) {
      root.classList.toggle('ll-open', open);
      panel.hidden = !open;
      badge.setAttribute('aria-expanded', String(open));
    },
  };
}
