// The big green Confirm, with the auto-confirm countdown in words and as a draining bar.
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../components/icons.js';

interface Props {
  enabled: boolean;
  /** null: no countdown running (nothing selected, or auto-confirm off). */
  autoConfirmMs: number | null;
  secondsLeft: number;
  /** Restarts the bar's animation when the countdown restarts. */
  round: number;
  onConfirm: () => void;
}

export function ConfirmButton({ enabled, autoConfirmMs, secondsLeft, round, onConfirm }: Props) {
  const { t } = useTranslation();
  return (
    <button type="button" className="confirm-button" data-testid="confirm-button" disabled={!enabled} onClick={onConfirm}>
      <span className="confirm-label">
        <CheckIcon />
        <span>{t('choose.confirm')}</span>
      </span>
      {!enabled && <span className="confirm-note">{t('choose.nothingSelected')}</span>}
      {enabled && autoConfirmMs !== null && (
        <>
          <span className="confirm-note" data-testid="auto-confirm-countdown" aria-live="polite">
            {t('choose.autoConfirm', { seconds: secondsLeft })}
          </span>
          {/* The one animation on this path: it runs while people choose, never before a screen appears. */}
          <span key={round} className="countdown-bar" style={{ animationDuration: `${String(autoConfirmMs)}ms` }} />
        </>
      )}
    </button>
  );
}
