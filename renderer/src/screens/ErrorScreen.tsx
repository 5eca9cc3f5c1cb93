// A refused card or a failed request: one big message with a warning sign, then back to idle.
import { useTranslation } from 'react-i18next';
import { WarningIcon } from '../components/icons.js';
import { useAfterFirstPaint } from '../hooks/use-after-paint.js';
import { useTimeout } from '../hooks/use-timeout.js';
import { usePaintedMark } from '../perf/marks.js';
import { playSound } from '../sound/sounds.js';
import type { DisplayErrorCode } from '../state/flow-screen.js';

const SHOW_MS = 4000;

export function ErrorScreen({ code, onTimeout }: { code: DisplayErrorCode; onTimeout: () => void }) {
  const { t } = useTranslation();
  useTimeout(SHOW_MS, onTimeout);
  usePaintedMark('esik:error-visible');
  useAfterFirstPaint(() => {
    playSound('error');
  });
  return (
    <main className="screen error-screen" data-testid="error-screen">
      <WarningIcon className="error-icon" />
      <p className="error-message" data-testid="error-message" data-code={code} role="alert">
        {t(`errors.${code}`)}
      </p>
    </main>
  );
}
