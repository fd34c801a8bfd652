import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { t } from './text';

interface Props {
  /** The button that starts it, e.g. "Clear everything…". */
  label: string;
  /** What will happen, in plain words, asked before anything is done. */
  question: string;
  confirmLabel: string;
  onConfirm(): Promise<void>;
}

/**
 * A destructive action behind a second, explicit step in the page itself: a window.confirm
 * dialog cannot be styled, translated consistently or tested, and some browsers suppress it.
 */
export function ConfirmAction({ label, question, confirmLabel, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const questionId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    // Focus follows the step: onto Cancel (the safe choice) when asking, back to the start button after.
    if (asking) cancelButton.current?.focus();
    else if (wasAsking.current) startButton.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  if (!asking)
    return (
      <button type="button" class="danger" ref={startButton} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  return (
    <div class="confirm" role="group" aria-labelledby={questionId} onKeyDown={(e) => e.key === 'Escape' && !busy && setAsking(false)}>
      <p id={questionId}>{question}</p>
      <button type="button" class="danger" disabled={busy} onClick={confirm}>
        {confirmLabel}
      </button>{' '}
      <button type="button" ref={cancelButton} disabled={busy} onClick={() => setAsking(false)}>
        {t('options.confirm.cancel')}
      </button>
    </div>
  );
}
