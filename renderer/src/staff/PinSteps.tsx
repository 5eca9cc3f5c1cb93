// PINs typed one after another on the keypad (the old one, the new one, the new one again): each step says what it
// asks for, the digits are never shown, and the PINs go to `onDone` together once the last step is entered.
import { useState } from 'react';
import { PinPad } from './PinPad.js';

interface Props {
  /** What each step asks for, in order. */
  prompts: readonly string[];
  busy: boolean;
  onDone: (pins: string[]) => void;
}

export function PinSteps({ prompts, busy, onDone }: Props) {
  const [pins, setPins] = useState<readonly string[]>([]);
  const enter = (pin: string) => {
    const next = [...pins, pin];
    if (next.length < prompts.length) return setPins(next);
    // Back to the first step: a refusal (the PINs differ, a weak PIN) starts over.
    setPins([]);
    onDone(next);
  };
  return (
    <div className="pin-steps" data-testid="pin-steps" data-step={pins.length}>
      <p className="staff-hint" data-testid="pin-step-prompt">
        {prompts[pins.length]}
      </p>
      <PinPad key={pins.length} busy={busy} onEnter={enter} />
    </div>
  );
}
