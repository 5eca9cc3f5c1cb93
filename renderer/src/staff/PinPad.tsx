// The PIN keypad: big digit buttons, dots for what is typed (never the digits), erase and enter.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;
const MIN_PIN = 4;
const MAX_PIN = 8;

interface Props {
  busy: boolean;
  onEnter: (pin: string) => void;
}

export function PinPad({ busy, onEnter }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const press = (digit: string) => setPin((p) => (p.length < MAX_PIN ? p + digit : p));
  const enter = () => {
    if (pin.length < MIN_PIN || busy) return;
    onEnter(pin);
    setPin('');
  };
  return (
    <div className="pin-pad" data-testid="pin-pad">
      <div className="pin-dots" data-testid="pin-dots" aria-live="polite" data-length={pin.length}>
        {Array.from({ length: Math.max(pin.length, MIN_PIN) }, (_, i) => (
          <span key={i} className={i < pin.length ? 'pin-dot filled' : 'pin-dot'} />
        ))}
      </div>
      <div className="pin-keys">
        {DIGITS.map((digit) => (
          <DigitKey key={digit} digit={digit} busy={busy} onPress={press} />
        ))}
        <button type="button" className="pin-key pin-erase" data-testid="pin-erase" onClick={() => setPin((p) => p.slice(0, -1))}>
          {t('staff.signIn.erase')}
        </button>
        <DigitKey digit="0" busy={busy} onPress={press} />
        <button type="button" className="pin-key pin-enter" data-testid="pin-enter" disabled={busy || pin.length < MIN_PIN} onClick={enter}>
          {t('staff.signIn.enter')}
        </button>
      </div>
    </div>
  );
}

function DigitKey({ digit, busy, onPress }: { digit: string; busy: boolean; onPress: (digit: string) => void }) {
  return (
    <button type="button" className="pin-key" data-testid={`pin-key-${digit}`} disabled={busy} onClick={() => onPress(digit)}>
      {digit}
    </button>
  );
}
